import { execFile } from 'node:child_process';
import { chmodSync, readdirSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CLI, copySample, minimalRelease, REPO } from './helpers.js';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string | number>;
  with?: Record<string, string | number>;
}
interface Job {
  needs?: string;
  steps: Step[];
  strategy?: { matrix: { shard: number[] } };
}
interface Workflow {
  env?: Record<string, string | number>;
  jobs: Record<string, Job>;
}

const WORKFLOW = join(REPO, 'examples/github-actions/newsroom.yml');
/** The example names presskit's action by a placeholder the user replaces. */
const OUR_ACTION = /^your-org\/presskit@/;

function bash(script: string, cwd: string, env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((done, fail) => {
    // GitHub runs `run:` steps as `bash --noprofile --norc -eo pipefail {0}`.
    execFile(
      'bash',
      ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script],
      { cwd, env, maxBuffer: 64 << 20 },
      (error, stdout, stderr) =>
        error ? fail(new Error(`${script}\n${stderr}`)) : done(stdout + stderr),
    );
  });
}

/** `${{ matrix.shard }}` and nothing else: other expressions would go untested. */
function expand(text: string | number, matrix: Record<string, number>): string {
  return String(text).replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_, expression: string) => {
    const key = /^matrix\.(\w+)$/.exec(expression)?.[1];
    const value = key === undefined ? undefined : matrix[key];
    if (value === undefined)
      throw new Error(`unexpected expression in a shell step: ${expression}`);
    return String(value);
  });
}

/** Every file under `dir` that upload-artifact takes by default: hidden ones are left out. */
function visibleFiles(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith('.'))
    .flatMap((entry) =>
      entry.isDirectory()
        ? visibleFiles(join(dir, entry.name), base)
        : [relative(base, join(dir, entry.name))],
    )
    .sort();
}

/**
 * The example workflow run job by job as GitHub would: each job in a fresh checkout, each
 * matrix entry its own job, the `run:` steps by bash with the workflow's and the step's
 * environment, presskit's action as its shell steps, the artifact actions as copies
 * (upload-artifact's default: no hidden files). Only the install of presskit from the
 * registry is replaced: `presskit` is this checkout's command.
 */
async function runWorkflow(project: string, work: string): Promise<string> {
  const workflow = parse(readFileSync(WORKFLOW, 'utf8')) as Workflow;
  const action = parse(readFileSync(join(REPO, 'action.yml'), 'utf8')) as {
    runs: { steps: Step[] };
  };
  const bin = join(work, 'bin');
  await mkdir(bin);
  await writeFile(join(bin, 'presskit'), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
  chmodSync(join(bin, 'presskit'), 0o755);
  const artifacts = join(work, 'artifacts');
  let pages: string | undefined;
  let jobCount = 0;

  const order = ['check', 'build', 'newsroom'];
  expect(Object.keys(workflow.jobs)).toEqual(order);
  for (const [index, name] of order.entries()) {
    const job = workflow.jobs[name] as Job;
    expect(job.needs).toBe(index === 0 ? undefined : order[index - 1]);
    const matrices = job.strategy ? job.strategy.matrix.shard.map((shard) => ({ shard })) : [{}];
    for (const matrix of matrices) {
      const dir = join(work, `job-${++jobCount}`);
      const env = (step: Step): NodeJS.ProcessEnv => ({
        PATH: `${bin}:${process.env['PATH'] ?? ''}`,
        HOME: process.env['HOME'],
        CI: 'true',
        GITHUB_ACTIONS: 'true',
        ...Object.fromEntries(
          Object.entries({ ...workflow.env, ...step.env }).map(([key, value]) => [
            key,
            expand(value, matrix),
          ]),
        ),
      });
      for (const step of job.steps) {
        const uses = step.uses ?? '';
        if (step.run !== undefined) {
          await bash(step.run, dir, env(step));
        } else if (uses.startsWith('actions/checkout@')) {
          await cp(project, dir, { recursive: true });
        } else if (OUR_ACTION.test(uses)) {
          const args = String(step.with?.['args'] ?? '');
          for (const own of action.runs.steps) {
            // setup-node and the registry install are what this machine has already.
            if (own.uses !== undefined || own.name === 'Install presskit') continue;
            if (own.name === 'presskit doctor' || (own.name?.includes('inputs.args') && !args))
              continue;
            await bash(own.run ?? '', dir, { ...env(step), ARGS: args });
          }
        } else if (uses.startsWith('actions/upload-artifact@')) {
          const artifact = join(artifacts, expand(step.with?.['name'] ?? '', matrix));
          const paths = expand(step.with?.['path'] ?? '', matrix)
            .split('\n')
            .filter(Boolean);
          const excluded = paths.filter((path) => path.startsWith('!')).map((p) => p.slice(1));
          const included = paths.filter((path) => !path.startsWith('!'));
          expect(included).toHaveLength(1);
          const root = join(dir, included[0] ?? '');
          for (const file of visibleFiles(root)) {
            if (excluded.some((path) => join(dir, path) === join(root, file))) continue;
            await cp(join(root, file), join(artifact, file));
          }
        } else if (uses.startsWith('actions/download-artifact@')) {
          const pattern = new RegExp(`^${String(step.with?.['pattern']).replace('*', '.*')}$`);
          for (const artifact of readdirSync(artifacts).filter((n) => pattern.test(n))) {
            const into = join(dir, String(step.with?.['path']), artifact);
            await cp(join(artifacts, artifact), into, { recursive: true });
          }
        } else if (uses.startsWith('actions/upload-pages-artifact@')) {
          pages = join(dir, String(step.with?.['path']));
        } else if (!uses.startsWith('actions/deploy-pages@')) {
          throw new Error(`a step this test does not know: ${uses}`);
        }
      }
    }
  }
  expect(jobCount).toBe(5);
  if (pages === undefined) throw new Error('nothing published');
  return pages;
}

describe('the example GitHub Actions workflow', () => {
  it('publishes, from three shards merged, the same bytes as one build, embargoed kits left out', async () => {
    const work = await mkdtemp(join(tmpdir(), 'presskit-actions-'));
    const project = join(work, 'project');
    await copySample(project);
    for (const [slug, date] of [
      ['first', '2026-01-05'],
      ['second', '2026-02-11'],
      ['third', '2026-03-20'],
      ['fourth', '2026-04-02'],
    ] as const) {
      await mkdir(join(project, 'releases'), { recursive: true });
      await writeFile(
        join(project, 'releases', `${slug}.md`),
        minimalRelease({ title: `The ${slug} release`, date }),
      );
    }
    // Under embargo until long after the test: built, but never published.
    await writeFile(
      join(project, 'releases', 'secret.md'),
      minimalRelease({ title: 'The secret release', embargo: '2099-01-01T09:00:00Z' }),
    );
    const site = await runWorkflow(project, work);

    const one = join(work, 'one');
    await cp(project, one, { recursive: true });
    await bash(`"${process.execPath}" "${CLI}" build -q --out single`, one, process.env);
    const built = visibleFiles(join(one, 'single'));
    expect(built).toContain('secret.zip');
    const expected = built.filter((file) => file !== 'secret.zip' && !file.startsWith('secret/'));
    expect(expected).toContain('index.html');
    expect(expected.filter((file) => file.endsWith('.zip'))).toHaveLength(5);
    expect(visibleFiles(site)).toEqual(expected);
    for (const file of visibleFiles(site)) {
      expect(readFileSync(join(site, file), 'utf8'), file).not.toContain('secret');
    }
    for (const file of expected) {
      expect(readFileSync(join(site, file)), file).toEqual(readFileSync(join(one, 'single', file)));
    }
  });
});
