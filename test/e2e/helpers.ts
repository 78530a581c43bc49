import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CLI = join(REPO, 'bin/presskit.js');
export const SAMPLE = join(REPO, 'releases/oim-belgique-accord-cadre.md');
export const SAMPLE_SLUG = 'oim-belgique-accord-cadre';

/** A throwaway project folder holding the given files (path → content). */
export async function makeProject(
  files: Record<string, string | Uint8Array> = {},
): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'presskit-e2e-'));
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
  return root;
}

export async function copySample(root: string, as = `releases/${SAMPLE_SLUG}.md`): Promise<void> {
  await mkdir(dirname(join(root, as)), { recursive: true });
  await cp(SAMPLE, join(root, as));
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI (compiled into lib/ by `npm run build`) as a user would. */
export function runCli(
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<Run> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      {
        cwd: options.cwd,
        env: { ...process.env, CI: 'true', ...options.env },
        maxBuffer: 64 << 20,
      },
      (error, stdout, stderr) => {
        const code = error && typeof error.code === 'number' ? error.code : error ? 1 : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}

export function run(command: string, args: string[], cwd?: string): Promise<Run> {
  return new Promise((done) => {
    execFile(
      command,
      args,
      { cwd, maxBuffer: 64 << 20, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const code = error && typeof error.code === 'number' ? error.code : error ? 1 : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}

/** Text as pdftotext gives it, with every kind of space folded to one plain space. */
export function foldSpaces(text: string): string {
  return text
    .replace(/[\s\u00A0\u202F\u2009]+/g, ' ')
    .replace(/\u00AD/g, '')
    .trim();
}

export const minimalRelease = (
  fields: Record<string, string> = {},
  body = 'Body text.',
): string => {
  const all = { title: 'A test release', lang: 'en', date: '2026-11-27', ...fields };
  const yaml = Object.entries(all)
    .map(([key, value]) => `${key}: ${value}`)
    .join('\n');
  return `---\n${yaml}\n---\n\n${body}\n`;
};
