/**
 * Chrome names the structure elements other elements point at (a table's header cells,
 * which its data cells list in /Headers) `(nodeNNNNNNNN)`, after the DOM node's id. That id
 * counts on across the documents a page has printed, so the same release printed with other
 * ids depending on how many documents its page had printed before: the same input gave
 * another PDF, and another zip. Here the ids are renumbered in the order of the elements
 * that carry them.
 *
 * Every id is written as `node` and eight digits (Skia's `node%08d`), so the new ids have
 * the same length and no byte offset moves: Chrome's cross-reference table stays right and
 * no object is parsed. The bytes are only searched; a file with no table costs one search.
 */

/** `(node` then eight digits and `)`: a literal string as Skia writes it. */
const ID = /^\(node\d{8}\)$/;
const ID_LENGTH = '(node00000000)'.length;
const ID_OPEN = Buffer.from('(node', 'latin1');
/** How an element names itself; the ids written elsewhere refer to one so defined. */
const DEFINITION = '/ID ';
/** The ID tree's leaf (Skia writes one): pairs of id and element, sorted by id. */
const NAMES = '/Names [';
const LIMITS = Buffer.from('/Limits [', 'latin1');
const DICT_OPEN = Buffer.from('<<', 'latin1');

/** Bytes to write over the file, each as long as what it replaces. */
type Patch = { at: number; text: string };

/**
 * Renumbers the node ids of `pdf`, in place, `node00000001`, `node00000002`… in the order
 * the elements that carry them are written, and sorts the ID tree's leaf again to match.
 * A layout other than Chrome's is left as it is (false): it stays a valid PDF, only perhaps
 * not the same bytes as another print of the same document.
 */
export function renumberNodeIds(pdf: Buffer): boolean {
  const found = findIds(pdf);
  const renamed = new Map<string, string>();
  for (const { at, text } of found) {
    if (pdf.toString('latin1', at - DEFINITION.length, at) !== DEFINITION) continue;
    // An id defined twice is not Chrome's doing: renumbering could merge two elements.
    if (renamed.has(text)) return false;
    renamed.set(text, `(node${String(renamed.size + 1).padStart(8, '0')})`);
  }
  if (renamed.size === 0) return found.length === 0;
  const patches: Patch[] = [];
  for (const { at, text } of found) {
    const next = renamed.get(text);
    if (next !== undefined) patches.push({ at, text: next });
  }
  for (const { at } of found) {
    if (pdf.toString('latin1', at - NAMES.length, at) !== NAMES) continue;
    const leaf = sortedLeaf(pdf, at, renamed);
    if (leaf === undefined) return false;
    patches.push(...leaf);
  }
  // The leaf's patches come last: they write over the ids patched one by one before them.
  for (const { at, text } of patches) pdf.write(text, at, 'latin1');
  return true;
}

/**
 * Every `(nodeNNNNNNNN)` in the file. The document's own text cannot match: Skia escapes
 * the parentheses of literal strings, `\(node00000001\)`. A match by chance inside a
 * compressed stream would take 14 exact bytes, and then also be one of the ids defined.
 */
function findIds(pdf: Buffer): Patch[] {
  const found: Patch[] = [];
  for (let at = pdf.indexOf(ID_OPEN); at >= 0; at = pdf.indexOf(ID_OPEN, at + ID_OPEN.length)) {
    const text = pdf.toString('latin1', at, at + ID_LENGTH);
    if (ID.test(text)) found.push({ at, text });
  }
  return found;
}

/**
 * The leaf whose /Names array starts at `start`, its pairs renamed and sorted by id, and
 * its /Limits set to the first and last: same length, as each pair keeps its own text and
 * the separators stay. Undefined when the leaf is not written as Skia writes it.
 */
function sortedLeaf(
  pdf: Buffer,
  start: number,
  renamed: ReadonlyMap<string, string>,
): Patch[] | undefined {
  const end = pdf.indexOf(']', start, 'latin1');
  const names = pdf.toString('latin1', start, end);
  const pairs = names.match(/\(node\d{8}\) \d+ \d+ R/g) ?? [];
  if (end < 0 || pairs.length === 0 || pairs.join(' ') !== names) return undefined;
  const sorted = pairs
    .map((pair) => (renamed.get(pair.slice(0, ID_LENGTH)) ?? '') + pair.slice(ID_LENGTH))
    .sort();
  // An id listed in the tree but defined by no element: nothing to sort it by.
  if (!sorted.every((pair) => ID.test(pair.slice(0, ID_LENGTH)))) return undefined;
  const limits = limitsOf(pdf, start);
  if (limits === undefined) return undefined;
  const first = sorted[0]?.slice(0, ID_LENGTH) ?? '';
  const last = sorted[sorted.length - 1]?.slice(0, ID_LENGTH) ?? '';
  return [
    { at: start, text: sorted.join(' ') },
    { at: limits, text: `${first} ${last}` },
  ];
}

/**
 * Where the `(first) (last)` of the /Limits beside the /Names at `namesAt` start: in the
 * same dictionary, before /Names, as Skia writes it.
 */
function limitsOf(pdf: Buffer, namesAt: number): number | undefined {
  const dictStart = pdf.lastIndexOf(DICT_OPEN, namesAt);
  const limitsAt = dictStart < 0 ? -1 : pdf.indexOf(LIMITS, dictStart);
  if (limitsAt < 0 || limitsAt > namesAt) return undefined;
  const start = limitsAt + LIMITS.length;
  const text = pdf.toString('latin1', start, start + 2 * ID_LENGTH + 2);
  return /^\(node\d{8}\) \(node\d{8}\)\]$/.test(text) ? start : undefined;
}
