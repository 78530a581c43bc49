import { execFile } from 'node:child_process';
import { chmodSync, readFileSync } from 'node:fs';
import { chown, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copySample, expectValidKit, REPO, SAMPLE_SLUG } from './helpers.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function exec(command: string, args: string[], cwd: string, env = process.env): Promise<Run> {
  return new Promise((done) => {
    execFile(command, args, { cwd, env, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      const code = error && typeof error.code === 'number' ? error.code : error ? 1 : 0;
      done({ code, stdout, stderr });
    });
  });
}

const NOBODY = 65534;
const isRoot = process.getuid?.() === 0;

// This machine cannot run containers (no docker or podman, and no registry to pull a base
// image from), so the Dockerfile's install step, scripts/container-install.sh, runs here
// as the image's build runs it, and presskit then builds as a non-root user, as in the image.
describe('the container image’s install steps', () => {
  it('are the ones the Dockerfile runs, on Debian slim, ending as a non-root user', () => {
    const dockerfile = readFileSync(join(REPO, 'Dockerfile'), 'utf8');
    const from = [...dockerfile.matchAll(/^FROM (\S+)/gm)].map((match) => match[1]);
    expect(from.at(-1)).toMatch(/bookworm-slim$/);
    expect(dockerfile).toMatch(/^COPY scripts\/container-install\.sh /m);
    expect(dockerfile).toMatch(/^RUN sh \/tmp\/container-install\.sh \/tmp\/presskit\.tgz/m);
    expect(dockerfile).toMatch(/^USER presskit$/m);
    expect(dockerfile).toMatch(/^ENTRYPOINT \["presskit"\]$/m);
    expect(dockerfile).toMatch(/npm pack --ignore-scripts/);
  });

  it.runIf(isRoot)(
    'install presskit from its tarball, which then builds the sample as another user',
    async () => {
      const work = await mkdtemp(join(tmpdir(), 'presskit-container-'));
      chmodSync(work, 0o755);
      const packed = await exec(
        'npm',
        ['pack', '--ignore-scripts', '--json', '--pack-destination', work],
        REPO,
      );
      expect(packed.code, packed.stderr).toBe(0);
      const [{ filename }] = JSON.parse(packed.stdout) as [{ filename: string }];
      const prefix = join(work, 'prefix');
      const env = {
        ...process.env,
        PRESSKIT_PREFIX: prefix,
        // No user is created on the test machine: the build below runs as nobody instead.
        PRESSKIT_USER: '',
        PUPPETEER_DOWNLOAD_BASE_URL: 'http://127.0.0.1:9',
      };
      const installed = await exec(
        'sh',
        [join(REPO, 'scripts/container-install.sh'), join(work, filename)],
        work,
        env,
      );
      expect(installed.code, installed.stderr).toBe(0);
      // The system packages are on this machine already: apt was not needed.
      expect(installed.stdout).not.toMatch(/apt|Reading package lists/i);

      const project = join(work, 'project');
      await copySample(project);
      for (const path of [project, join(project, 'releases')]) await chown(path, NOBODY, NOBODY);
      const built = await exec(
        'setpriv',
        [
          `--reuid=${NOBODY}`,
          `--regid=${NOBODY}`,
          '--clear-groups',
          join(prefix, 'bin', 'presskit'),
          'build',
        ],
        project,
        { PATH: process.env['PATH'] ?? '', HOME: '/nonexistent', CI: 'true' },
      );
      expect(built.code, built.stderr).toBe(0);
      await expectValidKit(join(project, 'dist'), SAMPLE_SLUG);
    },
    180_000,
  );
});
