import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CLI,
  SAMPLE_SLUG,
  copySample,
  foldSpaces,
  makeProject,
  minimalRelease,
  run,
} from './helpers.js';

/** Reads a server-sent event stream, as the page's EventSource does. */
async function openEvents(
  url: string,
): Promise<{ next(name: string): Promise<string>; close(): void }> {
  const controller = new AbortController();
  const response = await fetch(url, { signal: controller.signal });
  const reader = response.body?.getReader();
  if (!reader) throw new Error('no event stream');
  const decoder = new TextDecoder();
  let buffer = '';
  return {
    async next(name) {
      for (;;) {
        const match = new RegExp(`event: ${name}\\ndata: (.*)\\n\\n`).exec(buffer);
        if (match) {
          buffer = buffer.slice((match.index ?? 0) + match[0].length);
          return match[1] ?? '';
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('event stream closed');
        buffer += decoder.decode(value, { stream: true });
      }
    },
    close: () => controller.abort(),
  };
}

describe('presskit preview', () => {
  it('serves on 127.0.0.1, rebuilds and reloads on save, shows problems, and leaves nothing on Ctrl-C', async () => {
    const root = await makeProject();
    await copySample(root);
    const child = spawn(process.execPath, [CLI, 'preview', '--port', '0'], {
      cwd: root,
      env: { ...process.env, CI: 'true' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
      child.once('exit', () => reject(new Error(`preview exited: ${stderr}`)));
    });
    try {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const outDir = /building into (.+)\n/.exec(stderr)?.[1];
      expect(outDir).toBeDefined();
      const kitDir = join(root, outDir ?? '', SAMPLE_SLUG);

      // The page as served reloads itself; the kit on disk stays script-free.
      const page = await (await fetch(`${url}${SAMPLE_SLUG}/`)).text();
      expect(page).toContain('<script src="/__presskit/live-reload.js"></script>');
      expect(page).toMatch(
        /Content-Security-Policy" content="[^"]*script-src 'self'; connect-src 'self'"/,
      );
      expect(await readFile(join(kitDir, 'index.html'), 'utf8')).not.toContain('live-reload');
      expect(
        (await fetch(`${url}${SAMPLE_SLUG}/${SAMPLE_SLUG}.pdf`)).headers.get('content-type'),
      ).toBe('application/pdf');
      // Nothing outside the folder it serves, however the path is spelt.
      for (const path of [
        '../../../etc/passwd',
        '%2e%2e/%2e%2e/%2e%2e/etc/passwd',
        '..%2f..%2fetc%2fpasswd',
      ]) {
        expect((await fetch(`${url}${path}`)).status, path).toBe(404);
      }
      // Not reachable on the machine's other addresses.
      const external = Object.values(networkInterfaces())
        .flat()
        .find((address) => address && address.family === 'IPv4' && !address.internal);
      if (external) {
        const port = new URL(url).port;
        await expect(fetch(`http://${external.address}:${port}/`)).rejects.toThrow();
      }

      const events = await openEvents(`${url}__presskit/events`);
      const release = join(root, 'releases', `${SAMPLE_SLUG}.md`);
      const source = await readFile(release, 'utf8');
      await writeFile(
        release,
        source.replace('signent un Accord-cadre', 'signent enfin un Accord-cadre'),
      );
      await events.next('reload');
      expect(await (await fetch(`${url}${SAMPLE_SLUG}/`)).text()).toContain(
        'signent enfin un Accord-cadre',
      );
      const pdfText = await run('pdftotext', [join(kitDir, `${SAMPLE_SLUG}.pdf`), '-']);
      // (The headline may break at its hyphen, which pdftotext then joins.)
      expect(foldSpaces(pdfText.stdout)).toContain('signent enfin un');

      await writeFile(release, source.replace(/^date: .*$/m, 'date: 2016-13-45'));
      const problems = JSON.parse(await events.next('problems')) as string[];
      expect(problems).toEqual([
        expect.stringMatching(/oim-belgique-accord-cadre\.md:\d+: date: "2016-13-45"/),
      ]);
      expect(stderr).toContain('2016-13-45');
      events.close();

      const descendants = (await run('pgrep', ['-P', String(child.pid)])).stdout
        .split('\n')
        .filter(Boolean);
      const exited = new Promise<number | null>((resolve) =>
        child.once('exit', (code) => resolve(code)),
      );
      child.kill('SIGINT');
      expect(await exited).toBe(0);
      expect(existsSync(join(root, outDir ?? ''))).toBe(false);
      for (const pid of descendants)
        expect((await run('kill', ['-0', pid])).code, `process ${pid}`).not.toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  }, 60_000);

  it('finds the project as build does, from inside releases/', async () => {
    const root = await makeProject({
      'presskit.config.yaml': 'organization:\n  name: Acme Press\n',
      'releases/new-office.md': minimalRelease({ title: 'New office' }),
    });
    const child = spawn(process.execPath, [CLI, 'preview', '--port', '0'], {
      cwd: join(root, 'releases'),
      env: { ...process.env, CI: 'true' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
        child.once('exit', () => reject(new Error(`preview exited: ${stderr}`)));
      });
      // The config above the folder it was started in: its organisation is on the page.
      expect(await (await fetch(`${url}new-office/`)).text()).toContain('Acme Press');
      const exited = new Promise<number | null>((resolve) =>
        child.once('exit', (code) => resolve(code)),
      );
      child.kill('SIGINT');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  }, 60_000);

  it('refuses a port in use with one line', async () => {
    const root = await makeProject();
    await copySample(root);
    const { createServer } = await import('node:net');
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', () => resolve()));
    const address = taken.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const result = await run(process.execPath, [CLI, 'preview', '--port', String(port)], root);
    taken.close();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`presskit: --port: port ${port} is in use on 127.0.0.1`);
  }, 30_000);
});
