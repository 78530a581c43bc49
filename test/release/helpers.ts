import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, expect } from 'vitest';
import type { ErrorCode, Problem } from '../../src/errors.js';
import { PresskitError } from '../../src/errors.js';
import { splitRelease } from '../../src/release/load.js';
import type { ReleaseDefaults } from '../../src/release/schema.js';
import { validateRelease } from '../../src/release/schema.js';
import type { Release } from '../../src/types.js';
import { makePng } from '../e2e/helpers.js';

/** Runs `run` and returns the PresskitError it throws; fails the test if it throws nothing else. */
export async function rejection(run: () => unknown): Promise<PresskitError> {
  let caught: unknown;
  try {
    await run();
  } catch (error) {
    caught = error;
  }
  expect(caught, 'expected a PresskitError to be thrown').toBeInstanceOf(PresskitError);
  return caught as PresskitError;
}

/** Synchronous twin of `rejection`. */
export function thrown(run: () => unknown): PresskitError {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught, 'expected a PresskitError to be thrown').toBeInstanceOf(PresskitError);
  return caught as PresskitError;
}

/** A message a person can read in a terminal: one line, no internals leaking. */
export function expectReadable(problem: Problem): void {
  expect(problem.message).not.toMatch(/[\r\n]/);
  expect(problem.message.trim().length).toBeGreaterThan(5);
  expect(problem.message).not.toMatch(/\[object |undefined|NaN|^\s|\s$|\n\s+at /);
}

/** Asserts the error's code and that every problem it carries is readable and names `file`. */
export function expectError(error: PresskitError, code: ErrorCode, file: string): Problem {
  expect(error.code).toBe(code);
  expect(error.problems.length).toBeGreaterThan(0);
  for (const problem of error.problems) {
    expect(problem.file).toBe(file);
    expectReadable(problem);
  }
  if (error.problems.length === 1) expect(error.message).not.toContain('\n');
  return error.problems[0] as Problem;
}

/** The one problem about `field`; fails if there is none or several. */
export function problemFor(error: PresskitError, field: string): Problem {
  const matches = error.problems.filter((problem) => problem.field === field);
  expect(matches, `problems: ${JSON.stringify(error.problems)}`).toHaveLength(1);
  return matches[0] as Problem;
}

const cleanups: string[] = [];
afterEach(async () => {
  for (const dir of cleanups.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** A fresh, real (symlink-free) temporary folder removed after the test. */
export async function tempDir(prefix = 'presskit-test-'): Promise<string> {
  const dir = await realpath(await mkdtemp(join(tmpdir(), prefix)));
  cleanups.push(dir);
  return dir;
}

/** Writes files (text or bytes) below `root`, creating folders. */
export async function writeTree(
  root: string,
  files: Record<string, string | Uint8Array>,
): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    const absolute = join(root, path);
    await mkdir(dirname(absolute), { recursive: true });
    await writeFile(absolute, content);
  }
}

/** Release source text: `---`, the YAML lines, `---`, the body. */
export function releaseText(yaml: string, body = 'Body text.\n'): string {
  return `---\n${yaml}\n---\n${body}`;
}

export const MINIMAL_YAML = 'title: A headline\ndate: 2016-10-04\nlang: fr';

/** Splits and validates a release held in memory, as if read from `sourceFile`. */
export function releaseFrom(
  yaml: string,
  options: {
    body?: string;
    sourceFile?: string;
    displayPath?: string;
    slug?: string;
    defaults?: ReleaseDefaults;
  } = {},
): Release {
  const sourceFile = options.sourceFile ?? '/project/releases/sample.md';
  const displayPath = options.displayPath ?? 'releases/sample.md';
  const raw = splitRelease(releaseText(yaml, options.body), sourceFile, displayPath);
  return validateRelease(raw, options.slug ?? 'sample', options.defaults);
}

// Tiny but whole images (2 × 2 pixels): presskit checks an image's structure, not only
// its first bytes. The JPEG was written by libjpeg (through sharp), the PNG by makePng.
export const PNG_BYTES: Uint8Array = makePng(2, 2, [200, 60, 40]);
export const JPEG_BYTES = Uint8Array.from(
  Buffer.from(
    'ffd8ffdb004300100b0c0e0c0a100e0d0e1211101318281a181616183123251d283a333d3c3933383740485c' +
      '4e404457453738506d51575f626768673e4d71797064785c656763ffdb0043011112121815182f1a1a2f6342' +
      '3842636363636363636363636363636363636363636363636363636363636363636363636363636363636363' +
      '6363636363636363ffc00011080002000203012200021101031101ffc4001500010100000000000000000000' +
      '000000000004ffc40014100100000000000000000000000000000000ffc40015010101000000000000000000' +
      '00000000000506ffc40014110100000000000000000000000000000000ffda000c03010002110311003f0084' +
      '01ea27ffd9',
    'hex',
  ),
);
export const PDF_BYTES = new TextEncoder().encode(
  '%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n',
);
