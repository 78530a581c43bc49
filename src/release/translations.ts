import { readdir } from 'node:fs/promises';
import { primaryLanguage } from '../locale/i18n.js';
import type { ReleaseSource } from './discover.js';
import { translationSources } from './discover.js';
import { loadRelease } from './load.js';
import type { ReleaseDefaults } from './schema.js';
import type { Translation, TranslationSet } from '../types.js';
import { validateRelease } from './schema.js';

/**
 * The translation set of every source that belongs to one (by source file). Every file of
 * a source's folder is read, named on the command line or not, built in this shard or
 * another: each kit must link all its siblings, and every run must see the same set.
 * A file that is not a valid release is left out (its own build reports it), as is a
 * second file in a language already there; a folder left with one language is no set.
 */
export async function readTranslationSets(
  sources: readonly ReleaseSource[],
  defaults: ReleaseDefaults,
  projectLang: string,
): Promise<Map<string, TranslationSet>> {
  const folders = new Map<string, Promise<FolderSet | undefined>>();
  const sets = new Map<string, TranslationSet>();
  for (const source of sources) {
    const folder = source.translationFolder;
    if (folder === undefined) continue;
    let set = folders.get(folder);
    if (!set) {
      set = readSet(folder, defaults, projectLang);
      folders.set(folder, set);
    }
    const found = await set;
    if (found?.members.some((member) => member.sourceFile === source.sourceFile))
      sets.set(source.sourceFile, { original: found.original, members: found.members.map(bare) });
  }
  return sets;
}

interface Member extends Translation {
  sourceFile: string;
}

interface FolderSet {
  original: string;
  members: Member[];
}

async function readSet(
  folder: string,
  defaults: ReleaseDefaults,
  projectLang: string,
): Promise<FolderSet | undefined> {
  const names = await readdir(folder).catch(() => []);
  const files = translationSources(folder, names.sort(), process.cwd());
  const members: Member[] = [];
  for (const file of files) {
    const member = await readMember(file, defaults);
    if (member && !members.some((other) => sameLanguage(other.lang, member.lang)))
      members.push(member);
  }
  if (members.length < 2) return undefined;
  members.sort((a, b) => (a.lang < b.lang ? -1 : a.lang > b.lang ? 1 : 0));
  const original =
    members.find((member) => sameLanguage(member.lang, projectLang)) ??
    members.find((member) => primaryLanguage(member.lang) === primaryLanguage(projectLang)) ??
    members[0];
  return original && { original: original.slug, members };
}

async function readMember(
  source: ReleaseSource,
  defaults: ReleaseDefaults,
): Promise<Member | undefined> {
  try {
    const raw = await loadRelease(source.sourceFile, source.displayPath);
    const release = validateRelease(raw, source.slugFromPath, defaults);
    return { slug: release.slug, lang: release.lang, sourceFile: source.sourceFile };
  } catch {
    return undefined;
  }
}

function sameLanguage(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function bare({ slug, lang }: Member): Translation {
  return { slug, lang };
}
