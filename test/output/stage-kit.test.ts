import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STAGING_DIR } from '../../src/output/paths.js';
import type { KitEntry } from '../../src/output/stage-kit.js';
import { stageKit } from '../../src/output/stage-kit.js';

const DATE = new Date('2026-11-27T10:00:00Z');
const pdfBytes = Buffer.from('%PDF-1.7 printed\n');

/** A promise and the functions that settle it, as a print in progress is. */
function pending<T>(): {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: Error) => void;
} {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

/** The files in the staging folder of `outDir` so far, below each kit's own folder. */
async function stagedFiles(outDir: string, slug: string): Promise<string[]> {
  const staging = join(outDir, STAGING_DIR);
  if (!existsSync(staging)) return [];
  const stages = await readdir(staging);
  const files = await Promise.all(
    stages.map((stage) => readdir(join(staging, stage, slug)).catch(() => [])),
  );
  return files.flat().sort();
}

async function until(condition: () => Promise<boolean>): Promise<void> {
  for (let tries = 0; tries < 200; tries++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('never happened');
}

describe('stageKit with bytes still to come', () => {
  it('writes the files before them while they are awaited, and the same kit in the end', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'presskit-stage-'));
    const pdf = pending<Uint8Array>();
    const entries: KitEntry[] = [
      { path: 'index.html', data: '<!doctype html><title>Kit</title>' },
      { path: 'kit.txt', data: 'The text.\n' },
      { path: 'kit.pdf', data: pdf.promise },
    ];
    const staging = stageKit(outDir, 'kit', entries, DATE);
    await until(async () => (await stagedFiles(outDir, 'kit')).length === 2);
    expect(await stagedFiles(outDir, 'kit')).toEqual(['index.html', 'kit.txt']);
    pdf.resolve(pdfBytes);
    const staged = await staging;

    const direct = await stageKit(
      await mkdtemp(join(tmpdir(), 'presskit-stage-')),
      'kit',
      [...entries.slice(0, 2), { path: 'kit.pdf', data: pdfBytes }],
      DATE,
    );
    expect(staged.files).toEqual(direct.files);
    expect(staged.zip).toEqual(direct.zip);
    await staged.commit();
    expect(await readFile(join(outDir, 'kit', 'kit.pdf'))).toEqual(pdfBytes);
  });

  it('leaves nothing staged, and the earlier kit in place, when they never come', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'presskit-stage-'));
    const earlier = await stageKit(outDir, 'kit', [{ path: 'kit.txt', data: 'Before.\n' }], DATE);
    await earlier.commit();
    const pdf = pending<Uint8Array>();
    const staging = stageKit(
      outDir,
      'kit',
      [
        { path: 'kit.txt', data: 'After.\n' },
        { path: 'kit.pdf', data: pdf.promise },
      ],
      DATE,
    );
    await until(async () => (await stagedFiles(outDir, 'kit')).length === 1);
    const failure = new Error('printing failed: Target closed');
    pdf.reject(failure);
    await expect(staging).rejects.toBe(failure);
    expect(await stagedFiles(outDir, 'kit')).toEqual([]);
    expect(await readFile(join(outDir, 'kit', 'kit.txt'), 'utf8')).toBe('Before.\n');
    expect(existsSync(join(outDir, 'kit', 'kit.pdf'))).toBe(false);
  });
});
