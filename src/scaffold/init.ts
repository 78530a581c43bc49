import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { PresskitError } from '../errors.js';
import { SCHEMA_FILES } from '../json-schema/generate.js';
import { schemaText } from '../json-schema/write.js';
import { asWriteError } from '../output/write-error.js';
import { CONFIG_FILES } from '../project/config.js';
import { checkFlags, configOrNone, validateDraft } from './draft.js';
import { wordsFor } from './examples.js';
import {
  GITIGNORE,
  SCHEMA_DIR,
  VSCODE_EXTENSIONS,
  VSCODE_SETTINGS,
  configSource,
  workflowSource,
} from './project-files.js';
import { releaseSource } from './release-text.js';
import { dayIn, machineTimeZone } from './today.js';
import type { FileOutcome } from './write-new.js';
import { writeIfAbsent } from './write-new.js';

export interface InitOptions {
  /** The folder to set up, created if missing (default: the working folder). */
  dir?: string;
  /** The project's language (default `en`): the example release's and the config's. */
  lang?: string;
  /** The organisation's name (default: an example name in the project's language). */
  organization?: string;
  /** The moment whose date the example release carries (default: now). */
  now?: Date;
}

export interface InitFile {
  /** Relative to the project folder, with `/`. */
  path: string;
  outcome: FileOutcome;
  /** What to do about a file that was kept, when something is to be done. */
  note?: string;
}

export interface InitReport {
  /** The project folder, absolute. */
  root: string;
  files: InitFile[];
  /** Things to know about what was written. */
  notes: string[];
}

export const WORKFLOW_PATH = '.github/workflows/presskit.yml';

/**
 * Sets up a project that builds as it is: a commented config, one example release, a
 * .gitignore, editor settings and their JSON Schemas, a CI workflow. It never replaces a
 * file; it reports each one it created or kept.
 */
export async function initProject(options: InitOptions = {}): Promise<InitReport> {
  const checked = checkFlags(
    options.lang ?? 'en',
    options.organization === undefined ? undefined : { flag: '--org', value: options.organization },
  );
  const root = resolve(options.dir ?? '.');
  await projectFolder(root);
  const words = wordsFor(checked.lang);
  const organization = checked.text ?? words.organization;
  const files: InitFile[] = [];
  const notes: string[] = [];
  const write = async (path: string, content: string, keptNote?: string): Promise<void> => {
    const outcome = await writeIfAbsent(root, path, content);
    files.push({ path, outcome, ...(outcome === 'kept' && keptNote ? { note: keptNote } : {}) });
  };

  const otherConfig = CONFIG_FILES.find((name) => existsSync(join(root, name)));
  if (otherConfig) files.push({ path: otherConfig, outcome: 'kept' });
  else
    await write(
      CONFIG_FILES[0] ?? 'presskit.config.yaml',
      configSource({
        organization,
        pressOffice: words.pressOffice(organization),
        lang: checked.lang,
        timezone: machineTimeZone(),
      }),
    );
  for (const name of ['release', 'config'] as const) {
    await write(
      `${SCHEMA_DIR}/${SCHEMA_FILES[name]}`,
      schemaText(name),
      `refresh it after an upgrade: presskit schema --out ${SCHEMA_DIR}`,
    );
  }
  await write(
    '.vscode/settings.json',
    VSCODE_SETTINGS,
    `to validate the config, map ./${SCHEMA_DIR}/${SCHEMA_FILES.config} to presskit.config.yaml under "yaml.schemas"`,
  );
  await write('.vscode/extensions.json', VSCODE_EXTENSIONS);
  await write(
    '.gitignore',
    GITIGNORE,
    (await ignoresDist(root)) ? undefined : 'add /dist/ to it: kits are built, not committed',
  );
  await write(WORKFLOW_PATH, workflowSource());

  if (await holdsReleases(join(root, 'releases'))) {
    files.push({ path: 'releases/', outcome: 'kept', note: 'it holds releases: no example added' });
  } else {
    const config = await configOrNone(root);
    const example = words.example(organization);
    const path = `releases/${example.slug}.md`;
    const inWords = words.lang === checked.lang.split('-')[0]?.toLowerCase();
    const source = releaseSource({
      title: example.title,
      // `fr-BE` stays `fr-BE`; a language with no words here gets English, marked so.
      lang: inWords ? checked.lang : words.lang,
      date: dayIn(config.defaults.timezone ?? machineTimeZone(), options.now),
      dateline: example.dateline,
      summary: example.summary,
      body: example.body,
      defaults: config.defaults,
      configName: otherConfig ?? 'presskit.config.yaml',
    });
    validateDraft(source, join(root, path), path, config);
    await write(path, source);
    if (!inWords) {
      notes.push(`no example text in ${checked.lang}: the example release is in English`);
    }
  }
  return { root, files, notes };
}

async function projectFolder(root: string): Promise<void> {
  try {
    const info = await stat(root);
    if (info.isDirectory()) return;
    throw new PresskitError('E_USAGE', { file: root, message: 'is a file, not a folder' });
  } catch (error) {
    if (error instanceof PresskitError) throw error;
  }
  try {
    await mkdir(root, { recursive: true });
  } catch (error) {
    throw asWriteError(error, root);
  }
}

/** Whether a folder holds a Markdown file at any depth (a release, most likely). */
async function holdsReleases(dir: string): Promise<boolean> {
  try {
    const entries = await readdir(dir, { recursive: true });
    return entries.some((entry) => entry.endsWith('.md'));
  } catch {
    return false;
  }
}

async function ignoresDist(root: string): Promise<boolean> {
  try {
    return /^\/?dist\/?$/m.test(await readFile(join(root, '.gitignore'), 'utf8'));
  } catch {
    return false;
  }
}
