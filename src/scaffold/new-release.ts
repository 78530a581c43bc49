import { existsSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { PresskitError } from '../errors.js';
import { CONFIG_FILES, projectLang } from '../project/config.js';
import { SLUG } from '../release/schema.js';
import { asciiSlug, isWindowsReserved, unreservedSlug } from '../util/slug.js';
import { checkFlags, configOrNone, validateDraft } from './draft.js';
import { findProject } from '../project/find-project.js';
import { wordsFor } from './examples.js';
import { releaseSource } from './release-text.js';
import { dayIn, machineTimeZone } from './today.js';
import { writeIfAbsent } from './write-new.js';

export interface NewReleaseOptions {
  /** The headline. */
  title: string;
  /** The project folder (default: found as build finds it, from the working folder upward). */
  root?: string;
  /** The config file, as for build (its folder is the project unless `root` is given). */
  config?: string;
  /** Default: the config's `lang`, else `en`. */
  lang?: string;
  /** The file's name and the kit's (default: from the headline). */
  slug?: string;
  /** The moment whose date the release carries (default: now). */
  now?: Date;
}

export interface NewReleaseReport {
  /** The file written, absolute. */
  file: string;
  slug: string;
  /** `YYYY-MM-DD`, today in `timeZone`. */
  date: string;
  timeZone: string;
  /** Where the time zone came from. */
  timeZoneSource: 'config' | 'machine';
  /** Things to know about what was written. */
  notes: string[];
}

/**
 * Writes `releases/<slug>.md`, dated today in the project's time zone, with the config's
 * contacts named (not copied) and its frontmatter explained; refuses to replace a file.
 * The text is validated as `check` will read it before it is written.
 */
export async function newRelease(options: NewReleaseOptions): Promise<NewReleaseReport> {
  // From a subfolder of the project (releases/, say), the release still goes in its releases/.
  const { root, configFile } = findProject({ root: options.root, config: options.config });
  const config = await configOrNone(root, configFile);
  // A French newsroom's releases are French unless told otherwise.
  const checked = checkFlags(options.lang ?? projectLang(config), {
    flag: 'headline',
    value: options.title,
  });
  const title = checked.text ?? options.title;
  const timeZone = config.defaults.timezone ?? machineTimeZone();
  const date = dayIn(timeZone, options.now);
  const notes: string[] = [];
  const slug =
    options.slug === undefined ? slugFromTitle(title, date, notes) : checkedSlug(options.slug);

  const path = `releases/${slug}.md`;
  const file = join(root, path);
  const display = relative(process.cwd(), file) || file;
  if (existsSync(join(root, 'releases', slug))) {
    throw new PresskitError('E_USAGE', {
      file: display.replace(/\.md$/, '/'),
      message: `a release of that name exists; presskit new never replaces one: give another --slug`,
    });
  }
  const configName = configFile
    ? basename(configFile)
    : (CONFIG_FILES.find((name) => existsSync(join(root, name))) ?? 'presskit.config.yaml');
  const source = releaseSource({
    title,
    lang: checked.lang,
    date,
    body: wordsFor(checked.lang).placeholder,
    defaults: config.defaults,
    configName,
  });
  validateDraft(source, file, display, config);
  if ((await writeIfAbsent(root, path, source)) === 'kept') {
    throw new PresskitError('E_USAGE', {
      file: display,
      message: 'exists; presskit new never replaces a release: give another --slug',
    });
  }
  return {
    file,
    slug,
    date,
    timeZone,
    timeZoneSource: config.defaults.timezone ? 'config' : 'machine',
    notes,
  };
}

/** `L’OIM signe un accord` → `loim-signe-un-accord`; a headline with no Latin letters gets the date. */
function slugFromTitle(title: string, date: string, notes: string[]): string {
  const slug = asciiSlug(title, 60);
  if (slug !== '') return unreservedSlug(slug, 'release');
  notes.push(
    'the headline has no Latin letters to name the file with: named by the date (--slug names it)',
  );
  return `release-${date}`;
}

function checkedSlug(slug: string): string {
  const problem = !SLUG.test(slug)
    ? 'must be lowercase ASCII letters, digits and hyphens (e.g. new-office-2026)'
    : isWindowsReserved(slug)
      ? 'is a device name Windows reserves (con, prn, aux, nul, com0–com9, lpt0–lpt9): choose another'
      : undefined;
  if (problem)
    throw new PresskitError('E_USAGE', { file: '--slug', message: `"${slug}" ${problem}` });
  return slug;
}
