/**
 * Fixes to Chrome's tagged PDF for PDF/UA-1 (ISO 14289-1), made as new versions of the few
 * objects concerned, appended in the same incremental update as the metadata (see
 * metadata.ts): no marked-content id moves, so the parent tree stays as Chrome wrote it.
 *
 * - List items: Chrome puts a bullet's Lbl and then the item's content straight under LI;
 *   PDF/UA wants only Lbl and LBody there (7.2-t20). The old LI becomes the LBody (its
 *   children and their marked content keep their parent) under a new LI that holds the Lbl.
 * - A `<figure>` around an `<img>` comes out as a Figure without /Alt holding the image's
 *   Figure (with /Alt) and a Caption: the outer one is a grouping, so it becomes a Div.
 * - Types from PDF 2.0 that Chrome writes (Strong, Em) are role-mapped to PDF 1.7 ones
 *   (7.1-t04), or readers drop their text from the tags.
 * - Link annotations get a /Contents (7.18.5-t02): the link's target.
 */
import type { PDFObject } from 'pdf-lib';
import {
  PDFArray,
  PDFDict,
  PDFHexString,
  PDFName,
  PDFRef,
  PDFString,
} from 'pdf-lib/dist/pdf-lib.esm.min.js';
import type { PdfRevision } from './revision.js';
import { readObject } from './revision.js';

/** PDF 1.7's standard structure types (ISO 32000-1, 14.8.4), as the PDF/UA-1 checks list them. */
const STANDARD = new Set(
  `Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3
  H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry
  Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form`.split(/\s+/),
);

/** What PDF 2.0's types mean in PDF 1.7; anything else unknown is a plain grouping. */
const ROLE_OF: Readonly<Record<string, string>> = {
  Strong: 'Span',
  Em: 'Span',
  Sub: 'Span',
  Title: 'P',
  FENote: 'Note',
  Aside: 'Div',
  DocumentFragment: 'Div',
};

const name = (key: string): PDFName => PDFName.of(key);

/** The objects to replace or add, by reference; `allocate` gives each new object its number. */
export function structureFixes(
  revision: PdfRevision,
  catalog: PDFDict,
  allocate: () => PDFRef,
): Map<PDFRef, PDFObject> {
  const edit = new Editor(revision);
  const treeRef = catalog.get(name('StructTreeRoot'));
  if (treeRef instanceof PDFRef) {
    const tree = edit.dict(treeRef);
    if (tree) fixTree(edit, treeRef, tree, allocate);
  }
  const pages = catalog.get(name('Pages'));
  if (pages instanceof PDFRef) describeLinks(edit, pages, new Set());
  return edit.changed;
}

/** Parses each object once, so that every change to it lands on the same copy. */
class Editor {
  readonly changed = new Map<PDFRef, PDFObject>();
  private readonly parsed = new Map<PDFRef, PDFObject | undefined>();

  constructor(readonly revision: PdfRevision) {}

  object(ref: PDFRef): PDFObject | undefined {
    if (!this.parsed.has(ref)) this.parsed.set(ref, readObject(this.revision, ref));
    return this.parsed.get(ref);
  }

  dict(ref: PDFRef): PDFDict | undefined {
    const object = this.object(ref);
    return object instanceof PDFDict ? object : undefined;
  }

  /** The value itself, or the dictionary it refers to. */
  resolve(value: PDFObject | undefined): PDFObject | undefined {
    return value instanceof PDFRef ? this.object(value) : value;
  }

  add(ref: PDFRef, object: PDFObject): void {
    this.parsed.set(ref, object);
    this.changed.set(ref, object);
  }

  touch(ref: PDFRef): void {
    const object = this.object(ref);
    if (object) this.changed.set(ref, object);
  }
}

function fixTree(edit: Editor, treeRef: PDFRef, tree: PDFDict, allocate: () => PDFRef): void {
  const types = new Set<string>();
  const visit = (ref: PDFRef, depth: number): void => {
    const element = edit.dict(ref);
    // Chrome's trees are a few dozen levels deep; a cycle or worse is not worth following.
    if (!element || depth > 500) return;
    const type = typeOf(element);
    if (type) types.add(type);
    for (const kid of kidRefs(element)) {
      if (edit.dict(kid)?.get(name('S'))) visit(kid, depth + 1);
    }
    if (type === 'LI') splitListItem(edit, ref, element, allocate);
    if (type === 'Figure' && !hasAlt(element) && holdsDescribedFigure(edit, element)) {
      element.set(name('S'), name('Div'));
      edit.touch(ref);
    }
  };
  for (const kid of kidRefs(tree)) visit(kid, 0);

  const existing = edit.resolve(tree.get(name('RoleMap')));
  const roleMap = existing instanceof PDFDict ? existing : edit.revision.context.obj({});
  let mapped = false;
  for (const type of [...types].sort()) {
    if (STANDARD.has(type) || roleMap.get(name(type))) continue;
    roleMap.set(name(type), name(ROLE_OF[type] ?? 'NonStruct'));
    mapped = true;
  }
  if (mapped) {
    tree.set(name('RoleMap'), roleMap);
    edit.touch(treeRef);
  }
}

/**
 * LI [Lbl, content…] becomes LI [Lbl, LBody [content…]]: the old object turns into the
 * LBody, so its children keep their /P and the parent tree its entries.
 */
function splitListItem(edit: Editor, ref: PDFRef, item: PDFDict, allocate: () => PDFRef): void {
  const kids = kidsOf(item);
  const isLabel = (kid: PDFObject): boolean =>
    kid instanceof PDFRef && typeOf(edit.dict(kid)) === 'Lbl';
  const labels = kids.filter(isLabel);
  const content = kids.filter((kid) => !isLabel(kid));
  const parentRef = item.get(name('P'));
  const parent = parentRef instanceof PDFRef ? edit.dict(parentRef) : undefined;
  if (content.length === 0 || !parent || !(parentRef instanceof PDFRef)) return;
  if (content.length === 1 && content[0] instanceof PDFRef) {
    if (typeOf(edit.dict(content[0])) === 'LBody') return;
  }
  const { context } = edit.revision;
  const newRef = allocate();
  const newItem = context.obj({});
  newItem.set(name('Type'), name('StructElem'));
  newItem.set(name('S'), name('LI'));
  newItem.set(name('P'), parentRef);
  newItem.set(name('K'), context.obj([...labels, ref]));
  edit.add(newRef, newItem);

  item.set(name('S'), name('LBody'));
  item.set(name('P'), newRef);
  item.set(name('K'), content.length === 1 && content[0] ? content[0] : context.obj(content));
  edit.touch(ref);
  for (const label of labels) {
    if (!(label instanceof PDFRef)) continue;
    edit.dict(label)?.set(name('P'), newRef);
    edit.touch(label);
  }
  const siblings = kidsOf(parent).map((kid) => (kid === ref ? newRef : kid));
  parent.set(name('K'), siblings.length === 1 && siblings[0] ? siblings[0] : context.obj(siblings));
  edit.touch(parentRef);
}

/** Whether some Figure below `element` has its own alternative text. */
function holdsDescribedFigure(edit: Editor, element: PDFDict): boolean {
  return kidRefs(element).some((kid) => {
    const child = edit.dict(kid);
    if (!child) return false;
    return typeOf(child) === 'Figure' ? hasAlt(child) : holdsDescribedFigure(edit, child);
  });
}

/**
 * Every link annotation without /Contents gets its target as text: the URI, or for a link
 * inside the document, its destination's name.
 */
function describeLinks(edit: Editor, ref: PDFRef, seen: Set<PDFRef>): void {
  const node = edit.dict(ref);
  if (!node || seen.has(ref)) return;
  seen.add(ref);
  const kids = edit.resolve(node.get(name('Kids')));
  if (kids instanceof PDFArray) {
    for (const kid of kids.asArray()) if (kid instanceof PDFRef) describeLinks(edit, kid, seen);
    return;
  }
  const annots = edit.resolve(node.get(name('Annots')));
  if (!(annots instanceof PDFArray)) return;
  for (const annotRef of annots.asArray()) {
    if (!(annotRef instanceof PDFRef)) continue;
    const annot = edit.dict(annotRef);
    if (!annot || annot.get(name('Subtype')) !== name('Link') || annot.get(name('Contents'))) {
      continue;
    }
    const text = linkTarget(edit, annot);
    if (text === undefined) continue;
    annot.set(name('Contents'), PDFHexString.fromText(text));
    edit.touch(annotRef);
  }
}

function linkTarget(edit: Editor, annot: PDFDict): string | undefined {
  const action = edit.resolve(annot.get(name('A')));
  const uri = action instanceof PDFDict ? textOf(edit.resolve(action.get(name('URI')))) : undefined;
  if (uri !== undefined) {
    try {
      return decodeURI(uri);
    } catch {
      return uri;
    }
  }
  const dest = edit.resolve(annot.get(name('Dest')));
  const destName = textOf(dest) ?? (dest instanceof PDFName ? dest.decodeText() : undefined);
  return destName === undefined ? undefined : `#${destName}`;
}

function textOf(value: PDFObject | undefined): string | undefined {
  return value instanceof PDFString || value instanceof PDFHexString
    ? value.decodeText()
    : undefined;
}

function typeOf(element: PDFDict | undefined): string | undefined {
  const type = element?.get(name('S'));
  return type instanceof PDFName ? type.decodeText() : undefined;
}

function hasAlt(element: PDFDict): boolean {
  return Boolean(element.get(name('Alt')) ?? element.get(name('ActualText')));
}

function kidsOf(element: PDFDict): PDFObject[] {
  const kids = element.get(name('K'));
  if (kids === undefined) return [];
  return kids instanceof PDFArray ? kids.asArray() : [kids];
}

function kidRefs(element: PDFDict): PDFRef[] {
  return kidsOf(element).filter((kid): kid is PDFRef => kid instanceof PDFRef);
}
