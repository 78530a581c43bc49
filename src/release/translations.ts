import { readdir } from 'node:fs/promises';
import { primaryLanguage } from '../locale/i18n.js';
import type { Problem } from '../errors.js';
import type { ReleaseSource } from './discover.js';
import { translationSources } from './discover.js';
import type { RawRelease } from './load.js';
import { loadRelease } from './load.js';
import type { ReleaseDefaults } from './schema.js';
import type { Translation, TranslationSet } from '../types.js';
import { validateRelease } from './schema.js';
import { embargoedAt } from './lifecycle.js';

/**
 * The translation set of every source that belongs to one (by source file). Every file of
 * a source's folder is read, named on the command line or not, built in this shard or
 * another: each kit must link all its siblings, and every run must see the same set.
 * A file that is not a valid release is left out (its own build reports it); a second
 * file in a language already there is left out too, and is that file's problem (its page
 * and its sibling's would claim one language). A folder left with one language is no set.
 */
export async function readTranslationSets(
  sources: readonly ReleaseSource[],
  defaults: ReleaseDefaults,
  projectLang: string,
  /** The project folder, which messages' paths are relative to (as discovery's are). */
  root: string,
  /**
   * Where to leave each file read, by source file, for a caller that reads the same files
   * next (check): a release in a translation folder is then parsed once, not twice.
   */
  reads?: Map<string, RawRelease>,
): Promise<TranslationSets> {
  const folders = new Map<string, Promise<FolderSet>>();
  const result: TranslationSets = {
    sets: new Map(),
    problems: new Map(),
    slugs: new Map(),
    publicFrom: new Map(),
  };
  for (const source of sources) {
    const folder = source.translationFolder;
    if (folder === undefined) continue;
    let set = folders.get(folder);
    if (!set) {
      set = readSet(folder, defaults, projectLang, root, reads);
      folders.set(folder, set);
    }
    const found = await set;
    const problem = found.problems.get(source.sourceFile);
    if (problem) result.problems.set(source.sourceFile, problem);
    const self = found.members.find((member) => member.sourceFile === source.sourceFile);
    if (found.original && self) {
      result.sets.set(source.sourceFile, {
        original: found.original,
        members: found.members.map(bare),
      });
      result.slugs.set(source.sourceFile, self.slug);
      for (const member of found.members) result.publicFrom.set(member.slug, member.publicFrom);
    }
  }
  return result;
}

/**
 * The languages the kit of `sourceFile` links at `now`: itself, and those of its siblings
 * that are public then. A sibling still under embargo, or a draft, is left out: its address
 * on a published page (the switcher, `hreflang` alternates, JSON-LD) would announce it,
 * and lead anyone who follows it to the text before its time. It joins when its embargo
 * ends; the set is part of each kit's digest (withLanguages), so the first build after
 * that rebuilds the siblings that now link it. A set left with one language is none.
 */
export function translationsAt(
  sets: TranslationSets,
  sourceFile: string,
  now: Date,
): TranslationSet | undefined {
  const set = sets.sets.get(sourceFile);
  const self = sets.slugs.get(sourceFile);
  if (!set) return undefined;
  const shown = (member: Translation): boolean => {
    if (member.slug === self) return true;
    const from = sets.publicFrom.get(member.slug);
    return from !== 'never' && !embargoedAt(from, now);
  };
  if (set.members.every(shown)) return set;
  const members = set.members.filter(shown);
  return members.length < 2 ? undefined : { original: set.original, members };
}

export interface TranslationSets {
  /** By source file: every member, public or not (see translationsAt). */
  sets: Map<string, TranslationSet>;
  /** A translation in a language another file of its folder already has, by source file. */
  problems: Map<string, Problem>;
  /** The slug of each source in a set, by source file. */
  slugs: Map<string, string>;
  /** By slug: when each member is public, as its embargo (ms), or `never` for a draft. */
  publicFrom: Map<string, PublicFrom>;
}

/** A member's embargo (ms since the epoch), none, or `never` (a draft: never linked). */
type PublicFrom = number | undefined | 'never';

interface Member extends Translation {
  sourceFile: string;
  displayPath: string;
  langLine: number | undefined;
  publicFrom: PublicFrom;
}

interface FolderSet {
  /** Undefined when fewer than two languages are there. */
  original?: string;
  members: Member[];
  problems: Map<string, Problem>;
}

async function readSet(
  folder: string,
  defaults: ReleaseDefaults,
  projectLang: string,
  root: string,
  reads: Map<string, RawRelease> | undefined,
): Promise<FolderSet> {
  const names = await readdir(folder).catch(() => []);
  const files = translationSources(folder, names.sort(), root);
  const members: Member[] = [];
  const problems = new Map<string, Problem>();
  for (const file of files) {
    const member = await readMember(file, defaults, reads);
    if (!member) continue;
    const same = members.find((other) => sameLanguage(other.lang, member.lang));
    if (!same) {
      members.push(member);
      continue;
    }
    problems.set(member.sourceFile, {
      file: file.displayPath,
      field: 'lang',
      ...(member.langLine ? { line: member.langLine } : {}),
      message: `${member.lang} is also the language of ${same.displayPath}: a release has one file per language (is this one in another?)`,
    });
  }
  if (members.length < 2) return { members, problems };
  members.sort((a, b) => (a.lang < b.lang ? -1 : a.lang > b.lang ? 1 : 0));
  const original =
    members.find((member) => sameLanguage(member.lang, projectLang)) ??
    members.find((member) => primaryLanguage(member.lang) === primaryLanguage(projectLang)) ??
    members[0];
  return { ...(original ? { original: original.slug } : {}), members, problems };
}

async function readMember(
  source: ReleaseSource,
  defaults: ReleaseDefaults,
  reads: Map<string, RawRelease> | undefined,
): Promise<Member | undefined> {
  try {
    const raw = await loadRelease(source.sourceFile, source.displayPath);
    reads?.set(source.sourceFile, raw);
    const release = validateRelease(raw, source.slugFromPath, defaults);
    return {
      slug: release.slug,
      lang: release.lang,
      sourceFile: source.sourceFile,
      displayPath: source.displayPath,
      langLine: release.lineOf(['lang']),
      publicFrom: release.status === 'draft' ? 'never' : release.embargo?.instant.getTime(),
    };
  } catch {
    // Not a valid release: left out of the set, and its own build or check says why.
    return undefined;
  }
}

function sameLanguage(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function bare({ slug, lang }: Member): Translation {
  return { slug, lang };
}
