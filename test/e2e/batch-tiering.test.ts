import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REPO } from './helpers.js';

const MODULE = join(REPO, 'bin', 'batch-tiering.js');
const { batchTieringFlag } = (await import(pathToFileURL(MODULE).href)) as {
  batchTieringFlag: (v8Version: string, execArgv: string[], argv: string[]) => string | undefined;
};
const runNode = promisify(execFile);
const BUILD = ['node', 'presskit', 'build', '--root', 'site'];

/**
 * A child Node that may tune its tiering, then calls one function 60,000 times, saying how
 * many calls it has made every 250; with --trace-opt, V8 says in the same stream when it
 * marks the function for TurboFan. Pipes are written synchronously on Linux, so in order.
 */
const HOT = `
if (process.env.TUNE) (await import(${JSON.stringify(pathToFileURL(MODULE).href)})).tuneTieringForBatch(['node', 'presskit', 'build']);
function hotFunction(x) { const a = x * 3 + 1; const b = a % 7; const c = b ? a / b : a; return ((c | 0) ^ x) + b; }
let total = 0;
for (let i = 1; i <= 60000; i++) { total += hotFunction(i); if (i % 250 === 0) process.stdout.write('calls ' + i + '\\n'); }
`;

/** The number of calls made when V8 marked `hotFunction` for TurboFan, if it did. */
async function callsBeforeTurbofan(tune: boolean): Promise<number | undefined> {
  const { stdout } = await runNode(
    process.execPath,
    ['--trace-opt', '--input-type=module', '-e', HOT],
    { env: { ...process.env, TUNE: tune ? '1' : '' }, maxBuffer: 16 << 20 },
  );
  let calls = 0;
  for (const line of stdout.split('\n')) {
    if (line.startsWith('calls ')) calls = Number(line.slice(6));
    else if (
      line.startsWith('[marking') &&
      line.includes('hotFunction') &&
      line.includes('TURBOFAN')
    )
      return calls;
  }
  return undefined;
}

describe("the command's V8 tiering (bin/batch-tiering.js)", () => {
  it('raises the TurboFan threshold four times, by the flag of each V8 measured', () => {
    expect(batchTieringFlag('11.3.244.8-node.33', [], BUILD)).toBe('--interrupt-budget=270336');
    expect(batchTieringFlag('12.4.254.21-node.33', [], BUILD)).toBe(
      '--invocation-count-for-turbofan=12000',
    );
    // Measured not to help (Node 24, 26), or never measured (Node 21): V8's own defaults.
    expect(batchTieringFlag('13.6.233.10-node.28', [], BUILD)).toBeUndefined();
    expect(batchTieringFlag('14.6.202.34-node.40', [], BUILD)).toBeUndefined();
    expect(batchTieringFlag('11.8.172.17-node.19', [], BUILD)).toBeUndefined();
  });

  it('is for a build only', () => {
    // check runs on one thread, the other core idle: unoptimised code only costs there.
    expect(batchTieringFlag('11.3.244.8-node.33', [], ['node', 'presskit', 'check'])).toBe(
      undefined,
    );
    expect(batchTieringFlag('11.3.244.8-node.33', [], ['node', 'presskit', 'preview'])).toBe(
      undefined,
    );
    expect(batchTieringFlag('11.3.244.8-node.33', [], ['node', 'presskit', '--help'])).toBe(
      undefined,
    );
    expect(batchTieringFlag('11.3.244.8-node.33', [], ['node', 'presskit'])).toBeUndefined();
  });

  it("leaves the user's own flag as it is", () => {
    expect(
      batchTieringFlag('11.3.244.8-node.33', ['--interrupt-budget=1000'], BUILD),
    ).toBeUndefined();
    expect(
      batchTieringFlag('11.3.244.8-node.33', ['--interrupt_budget=1000'], BUILD),
    ).toBeUndefined();
    expect(
      batchTieringFlag('12.4.254.21-node.33', ['--invocation-count-for-turbofan=5'], BUILD),
    ).toBe(undefined);
    expect(
      batchTieringFlag(
        '11.3.244.8-node.33',
        ['--interrupt-budget-for-feedback-allocation=9'],
        BUILD,
      ),
    ).toBe('--interrupt-budget=270336');
    expect(batchTieringFlag('11.3.244.8-node.33', ['--max-old-space-size=100'], BUILD)).toBe(
      '--interrupt-budget=270336',
    );
  });

  it('is set before the command loads its bundle', () => {
    const bin = readFileSync(join(REPO, 'bin', 'presskit.js'), 'utf8');
    expect(bin.indexOf('tuneTieringForBatch();')).toBeGreaterThan(0);
    expect(bin.indexOf('tuneTieringForBatch();')).toBeLessThan(bin.indexOf("'../bundled/cli.cjs'"));
  });

  it('on this Node, V8 takes the flag without a word and optimises later', async () => {
    const setting = batchTieringFlag(process.versions.v8, [], BUILD);
    const { stdout, stderr } = await runNode(process.execPath, [
      '--input-type=module',
      '-e',
      `const m = await import(${JSON.stringify(pathToFileURL(MODULE).href)}); console.log(m.tuneTieringForBatch(['node', 'presskit', 'build']) ?? 'none');`,
    ]);
    // A flag V8 does not know is reported on stderr ("Error: unrecognized flag").
    expect(stderr).toBe('');
    expect(stdout.trim()).toBe(setting ?? 'none');
    // Where nothing is set, V8's own tiering is not this test's to pin down.
    if (!setting) return;
    const [untuned, tuned] = await Promise.all([
      callsBeforeTurbofan(false),
      callsBeforeTurbofan(true),
    ]);
    expect(untuned).toBeGreaterThan(0);
    expect(tuned).toBeGreaterThanOrEqual((untuned ?? 0) * 2.5);
  });
});
