import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256sums, SHA256SUMS } from '../../src/bundle/checksums.js';
import { zipKit } from '../../src/bundle/zip.js';
import { inspectZip, KIT_FILES, run, SLUG, tempDir, writeTree } from './kit-fixture.js';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const MTIME = new Date('2026-11-27T23:30:01Z');

/*
 * The time zone is read once per process, so each zone needs its own Node. No TypeScript runner
 * is installed (no tsx, no vite-node), so the module under test is compiled once with tsc into a
 * scratch folder whose node_modules links back to the project's, and a tiny ESM child calls it.
 */
let scratch = '';
let kitDir = '';

beforeAll(async () => {
  scratch = await tempDir();
  const out = join(scratch, 'compiled');
  const compiled = run(
    process.execPath,
    [
      join(projectRoot, 'node_modules/typescript/bin/tsc'),
      '--ignoreConfig',
      ...['--outDir', out, '--rootDir', join(projectRoot, 'src')],
      ...['--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2023'],
      ...['--strict', '--skipLibCheck', '--types', 'node'],
      join(projectRoot, 'src/bundle/zip.ts'),
    ],
    { cwd: projectRoot },
  );
  // tsc reports on stdout, which the bare "Command failed" message would hide.
  await compiled.catch((error: unknown) => {
    const stdout = error instanceof Error && 'stdout' in error ? String(error.stdout) : '';
    throw new Error(`tsc failed:\n${stdout}`, { cause: error });
  });
  await writeFile(join(out, 'package.json'), '{ "type": "module" }\n');
  await symlink(join(projectRoot, 'node_modules'), join(scratch, 'node_modules'), 'dir');
  await writeFile(
    join(scratch, 'child.mjs'),
    [
      "import { zipKit } from './compiled/bundle/zip.js';",
      'const [kitDir, slug, outFile, ms] = process.argv.slice(2);',
      'await zipKit(kitDir, slug, outFile, new Date(Number(ms)));',
      // Prove the zone took effect: the offset on the zip's date, in minutes.
      'process.stdout.write(String(new Date(Number(ms)).getTimezoneOffset()));',
    ].join('\n'),
  );
  kitDir = await writeTree(join(scratch, 'kits', SLUG), KIT_FILES);
  await writeFile(join(kitDir, SHA256SUMS), await sha256sums(kitDir));
});

afterAll(async () => {
  if (scratch !== '') await rm(scratch, { recursive: true, force: true });
});

describe('zipKit across time zones', () => {
  it('writes the same bytes under TZ=UTC, Asia/Tokyo and America/New_York', async () => {
    const zones = { UTC: 0, 'Asia/Tokyo': -540, 'America/New_York': 300 };
    const zips: Buffer[] = [];
    await mkdir(join(scratch, 'zips'), { recursive: true });
    for (const [zone, offset] of Object.entries(zones)) {
      const outFile = join(scratch, 'zips', `${zone.replace('/', '-')}.zip`);
      const { stdout } = await run(
        process.execPath,
        [join(scratch, 'child.mjs'), kitDir, SLUG, outFile, String(MTIME.getTime())],
        { env: { ...process.env, TZ: zone } },
      );
      expect(Number(stdout)).toBe(offset);
      const report = await inspectZip(outFile);
      expect(report.entries[0]?.localDateTime).toEqual([2026, 11, 27, 23, 30, 0]);
      zips.push(await readFile(outFile));
    }

    const inProcess = join(scratch, 'zips', 'in-process.zip');
    await zipKit(kitDir, SLUG, inProcess, MTIME);
    zips.push(await readFile(inProcess));

    expect(zips).toHaveLength(4);
    for (const zip of zips) expect(zip.equals(zips[0] ?? Buffer.alloc(0))).toBe(true);
  });
});
