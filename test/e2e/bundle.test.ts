import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type * as Library from '../../src/index.js';
import { CLI, makeProject, minimalRelease, REPO, run, runCli } from './helpers.js';

// The CLI runs from rolldown's bundle (bundled/): what the bundle changes, tried as a user would.
describe('the bundled CLI', () => {
  it('is what bin/presskit.js loads', () => {
    expect(existsSync(join(REPO, 'bundled', 'cli.cjs'))).toBe(true);
    expect(readFileSync(join(REPO, 'bin', 'presskit.js'), 'utf8')).toContain(
      "'../bundled/cli.cjs'",
    );
    expect(CLI).toBe(join(REPO, 'bin', 'presskit.js'));
  });

  it("keeps the bundle's compiled code in the user's cache folder, and uses it", async () => {
    const cacheHome = await makeProject({ 'releases/first.md': minimalRelease() });
    const folder = join(cacheHome, 'presskit', 'node-compile-cache');
    const env = { XDG_CACHE_HOME: cacheHome };
    const first = await runCli(['check'], { cwd: cacheHome, env });
    expect(first.code, first.stderr).toBe(0);
    // bin/compile-cache.js keeps V8's code of each bundle file, named by its text.
    const [versionFolder, ...others] = readdirSync(folder);
    expect(others).toEqual([]);
    expect(versionFolder).toBe(`v8-${process.version}-${process.arch}`);
    const kept = join(folder, versionFolder ?? '');
    const cli = readFileSync(join(REPO, 'bundled', 'cli.cjs'), 'utf8');
    const cliCode = join(kept, `${createHash('sha1').update(cli).digest('hex')}.v8`);
    expect(statSync(cliCode).size).toBeGreaterThan(1000);
    const files = () =>
      new Map(readdirSync(kept).map((name) => [name, readFileSync(join(kept, name))]));
    const before = files();
    // V8 took the code it was given: nothing rewritten, nothing added.
    const second = await runCli(['check'], { cwd: cacheHome, env });
    expect(second.code, second.stderr).toBe(0);
    expect(files()).toEqual(before);
    // Code V8 refuses (here, not code at all) is replaced, and the command runs regardless.
    writeFileSync(cliCode, 'not V8 code');
    const third = await runCli(['check'], { cwd: cacheHome, env });
    expect(third.code, third.stderr).toBe(0);
    const rewritten = readFileSync(cliCode);
    // V8's code differs run to run in its bytes, not in its header or its size.
    expect(rewritten.subarray(0, 4)).toEqual(before.get(basename(cliCode))?.subarray(0, 4));
    expect(rewritten.length).toBeGreaterThan(1000);
  });

  it('removes code unused for 30 days when it writes new code, and nothing else', async () => {
    const cacheHome = await makeProject({ 'releases/first.md': minimalRelease() });
    const folder = join(cacheHome, 'presskit', 'node-compile-cache');
    const env = { XDG_CACHE_HOME: cacheHome };
    const ours = join(folder, `v8-${process.version}-${process.arch}`);
    const days = (count: number): Date => new Date(Date.now() - count * 24 * 60 * 60 * 1000);
    const put = (path: string, lastUsed: Date): string => {
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, 'code of an older presskit');
      utimesSync(path, lastUsed, lastUsed);
      return path;
    };
    const gone = [
      put(join(ours, 'old.v8'), days(40)),
      put(join(ours, 'left-by-a-crash.v8.4242'), days(2)),
      put(join(folder, 'v8-v0.0.1-x64', 'old.v8'), days(31)),
    ];
    const kept = [
      put(join(ours, 'recent.v8'), days(29)),
      put(join(ours, 'being-written.v8.4243'), new Date()),
      put(join(ours, 'not-code.txt'), days(400)),
      put(join(folder, 'v8-v0.0.2-x64', 'recent.v8'), days(1)),
      // Not a folder of presskit's: NODE_COMPILE_CACHE may be shared with Node's own cache.
      put(join(folder, 'v22.0.0-x64-0-0', 'old.v8'), days(400)),
    ];
    const first = await runCli(['check'], { cwd: cacheHome, env });
    expect(first.code, first.stderr).toBe(0);
    expect(gone.filter((path) => existsSync(path))).toEqual([]);
    expect(existsSync(join(folder, 'v8-v0.0.1-x64'))).toBe(false);
    expect(kept.filter((path) => !existsSync(path))).toEqual([]);
    const cli = readFileSync(join(REPO, 'bundled', 'cli.cjs'), 'utf8');
    expect(existsSync(join(ours, `${createHash('sha1').update(cli).digest('hex')}.v8`))).toBe(true);
    // A run that writes no code reads no folder either: its start stays as it was.
    const later = put(join(ours, 'old-again.v8'), days(40));
    const second = await runCli(['check'], { cwd: cacheHome, env });
    expect(second.code, second.stderr).toBe(0);
    expect(existsSync(later)).toBe(true);
  });

  it('keeps no compiled code when NODE_DISABLE_COMPILE_CACHE is set', async () => {
    const cacheHome = await makeProject();
    const result = await runCli(['--version'], {
      cwd: cacheHome,
      env: { XDG_CACHE_HOME: cacheHome, NODE_DISABLE_COMPILE_CACHE: '1' },
    });
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(join(cacheHome, 'presskit'))).toBe(false);
  });

  it('runs with a cache folder it cannot write', async () => {
    const cacheHome = await makeProject({ presskit: 'a file where the folder would be\n' });
    const result = await runCli(['--version'], {
      cwd: cacheHome,
      env: { XDG_CACHE_HOME: cacheHome },
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(readFileSync(join(cacheHome, 'presskit'), 'utf8')).toBe(
      'a file where the folder would be\n',
    );
  });

  it('leaves no import() in its CommonJS files, which the Node 20 code cache could not serve', () => {
    // rolldown.config.js: dynamicImportInCjs is off; a vm.Script's import() needs a flag.
    for (const [name, code] of bundledFiles().filter(([file]) => file.endsWith('.cjs'))) {
      const lines = code.split('\n').filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line));
      expect(
        lines.filter((line) => /[^\w$.]import\(/.test(line)),
        name,
      ).toEqual([]);
    }
  });

  it('is an ES module for a program that imports the library', async () => {
    const entry = readFileSync(join(REPO, 'bundled', 'index.js'), 'utf8');
    expect(entry).toMatch(/^export \* from '\.\/index\.cjs';$/m);
    const library = (await import(join(REPO, 'bundled', 'index.js'))) as typeof Library;
    for (const name of ['build', 'check', 'writeNewsroomIndex', 'formatProblem'] as const) {
      expect(typeof library[name], name).toBe('function');
    }
  });

  it('runs for a user with no home folder (a container’s numeric uid), without a cache', async () => {
    // os.homedir() throws for a uid with no passwd entry and no HOME.
    const asNobody = process.getuid?.() === 0 ? ['--reuid=54321', '--regid=54321'] : [];
    const result = await run('setpriv', [
      ...asNobody,
      '--clear-groups',
      'env',
      '-u',
      'HOME',
      '-u',
      'XDG_CACHE_HOME',
      '-u',
      'NODE_COMPILE_CACHE',
      process.execPath,
      CLI,
      '--version',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("gives unicode-trie the bytes tiny-inflate gives, from Node's zlib", () => {
    const require = createRequire(import.meta.url);
    type Inflate = (source: Uint8Array, dest: Uint8Array) => Uint8Array;
    const tiny = require('tiny-inflate') as Inflate;
    const native = require('../../scripts/bundle/native-inflate.cjs') as Inflate;
    const text = Buffer.from('Le Bureau de l’OIM à Bruxelles. '.repeat(500));
    const noise = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251));
    for (const plain of [text, noise, Buffer.alloc(0)]) {
      for (const level of [1, 6, 9]) {
        const packed = deflateRawSync(plain, { level });
        // unicode-trie gives room for its final size; the first of its two passes is smaller.
        for (const room of [plain.length, plain.length + 64]) {
          const expected = tiny(packed, new Uint8Array(room));
          const dest = new Uint8Array(room);
          const actual = native(packed, dest);
          expect(Buffer.from(actual)).toEqual(Buffer.from(expected));
          expect(actual === dest).toBe(expected.length === room);
        }
      }
    }
  });

  it('wraps the .txt as the unbundled code does, emoji, Chinese and Arabic included', async () => {
    // The bundle gives the line breaker Node's zlib for its tables and string-width its
    // emoji expression on first use (rolldown.config.js); lib/ runs the libraries as
    // published, so its text is the reference.
    const body = [
      `Emoji ${'\u{1F600}\u{1F44D}\u{1F3FD} '.repeat(30)}and the end of the line.`,
      // Two columns as emoji (flags, keycaps), one each as the characters they are made of.
      `Flags ${'\u{1F1E7}\u{1F1EA} \u{1F1EB}\u{1F1F7} 1\uFE0F\u20E3 #\uFE0F\u20E3 '.repeat(20)}end.`,
      `国际移民组织${'，联合国移民机构'.repeat(12)}。`,
      `المنظمة الدولية للهجرة ${'وكالة الأمم المتحدة للهجرة '.repeat(8)}.`,
      `Combining e\u0301 marks and a very-long-hyphenated-compound/with/slashes ${'word '.repeat(30)}`,
    ].join('\n\n');
    const root = await makeProject({ 'releases/first.md': minimalRelease({}, body) });
    const bundled = await runCli(['build', '-q'], { cwd: root });
    expect(bundled.code, bundled.stderr).toBe(0);
    const lib: typeof Library = await import(join(REPO, 'lib', 'index.js'));
    const report = await lib.build({ root, out: 'lib-out', force: true });
    expect(report.ok).toBe(true);
    const text = readFileSync(join(root, 'dist', 'first', 'first.txt'), 'utf8');
    expect(text).toContain('\u{1F44D}\u{1F3FD}');
    expect(text.split('\n').length).toBeGreaterThan(20);
    expect(text).toBe(readFileSync(join(root, 'lib-out', 'first', 'first.txt'), 'utf8'));
  });

  it('builds in a folder with a puppeteer config file, as in presskit’s own checkout', async () => {
    // puppeteer (not puppeteer-core, which presskit now uses) loaded .puppeteerrc.cjs through
    // cosmiconfig, which needs CommonJS's own loader: bundled, it crashed on __filename.
    const root = await makeProject({
      '.puppeteerrc.cjs': 'module.exports = { skipDownload: true };\n',
      'releases/first.md': minimalRelease(),
    });
    const result = await runCli(['build'], { cwd: root });
    expect(result.stderr).not.toMatch(/__filename|ReferenceError/);
    expect(result.code).toBe(0);
    expect(existsSync(join(root, 'dist', 'first.zip'))).toBe(true);
  });

  it('loads no frontmatter engine that can run code, and refuses frontmatter that is code', async () => {
    // presskit cuts a release at its fences itself (src/release/load.ts) and parses YAML with
    // `yaml`: gray-matter, js-yaml and js-yaml's esprima only cost start-up time, and
    // gray-matter's ---js engine is eval().
    const loaded = await runCli(['check', '--format', 'json'], {
      cwd: await makeProject({ 'releases/first.md': minimalRelease() }),
      env: { NODE_DEBUG: 'module' },
    });
    expect(loaded.code, loaded.stderr).toBe(0);
    const chunks = [...new Set(loaded.stderr.match(/bundled\/[\w-]+\.cjs/g) ?? [])];
    expect(chunks).toContain('bundled/cli.cjs');
    const sources = chunks.map((chunk) => readFileSync(join(REPO, chunk), 'utf8'));
    expect(sources.some((source) => source.includes('node_modules/yaml/'))).toBe(true);
    for (const engine of ['gray-matter', 'js-yaml', 'esprima'])
      expect(
        sources.some((source) => source.includes(`node_modules/${engine}/`)),
        engine,
      ).toBe(false);
    const code = await makeProject({
      'releases/code.md':
        '---js\n{ title: require("fs").writeFileSync("pwned", "") }\n---\n\nBody.\n',
    });
    const refused = await runCli(['check'], { cwd: code });
    expect(refused.code).not.toBe(0);
    expect(refused.stdout).toMatch(/code\.md:1: .*only YAML is read, never code/);
    expect(existsSync(join(code, 'pwned'))).toBe(false);
  });

  it('reads yaml’s LOG_TOKENS switch once, not for every token it parses', () => {
    // rolldown.config.js: a read of process.env is a call into C++; per token, it was a
    // third of the time yaml took to parse a release's frontmatter.
    const reads = bundledSources().flatMap((code) =>
      code.split('\n').filter((line) => line.includes('env.LOG_TOKENS')),
    );
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatch(/^\s*var ENV_LOG_TOKENS_AT_LOAD = .*\.env\.LOG_TOKENS;$/);
  });

  it("logs puppeteer's protocol messages when DEBUG asks, and makes no logger otherwise", async () => {
    // rolldown.config.js: without DEBUG, a log call returns before the `debug` package makes
    // a logger (and calls isatty) for each of the ~100 messages of a release.
    const root = await makeProject({ 'releases/first.md': minimalRelease() });
    const asked = await runCli(['build'], {
      cwd: root,
      env: { DEBUG: 'puppeteer:protocol:SEND*' },
    });
    expect(asked.code, asked.stderr).toBe(0);
    expect(asked.stderr).toMatch(/puppeteer:protocol:SEND ►/);
    expect(asked.stderr).toMatch(/"method":"Page\.printToPDF"/);
    const quiet = await runCli(['build', '--force'], { cwd: root, env: { DEBUG: '' } });
    expect(quiet.code, quiet.stderr).toBe(0);
    expect(quiet.stderr).not.toMatch(/puppeteer:/);
    const patched = bundledSources().filter((code) => code.includes('DEBUG_AT_LOAD'));
    expect(patched).toHaveLength(1);
    expect(patched[0]).toMatch(/if \(!DEBUG_AT_LOAD\) return;\n\s*\(await importDebug\(\)\)/);
  });

  it("gives libphonenumber-js's metadata to JSON.parse, not as an object literal", () => {
    // rolldown.config.js: V8 parses the JSON several times faster than it runs the literal.
    const holders = bundledSources().filter((code) =>
      code.includes('// node_modules/libphonenumber-js/metadata.max.json.js'),
    );
    expect(holders).toHaveLength(1);
    expect(holders[0]).toMatch(
      /metadata\.max\.json\.js\n(var|const|let) \w+ = JSON\.parse\("\{\\"version\\":4,/,
    );
  });

  it('carries no proxy code for browser downloads, which presskit never makes', () => {
    // @puppeteer/browsers imports proxy-agent for downloads; its PAC support alone was a
    // JavaScript engine (quickjs) and a parser, loaded by every build (rolldown.config.js).
    const sources = bundledSources();
    expect(sources.some((source) => source.includes('node_modules/puppeteer-core/'))).toBe(true);
    for (const left of [
      'node_modules/proxy-agent/',
      'node_modules/@tootallnate/quickjs-emscripten/',
    ]) {
      expect(
        sources.some((source) => source.includes(left)),
        left,
      ).toBe(false);
    }
  });

  it('needs at run time nothing but Node, its own files and its declared dependencies', () => {
    // An installed presskit is its bundle: libraries it carries are dev dependencies, so
    // `dependencies` lists exactly what the bundle loads from node_modules, and zod, which
    // the bundle carries but the public type declarations name. A library added to
    // `dependencies` but bundled would be installed for nothing (the package was 137 MB
    // so); one imported but not declared would crash.
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    const imported = new Set<string>();
    for (const code of bundledSources()) {
      // Static imports, requires, and requires of a computed name within a package
      // (hyphen's patterns, `require(\`hyphen/${name}\`)`): that package must be installed.
      const statements =
        /^(?:import|export) [^;]*? from "([^"]+)";|\b(?:import|__require|require)\("([^"]+)"\)|\brequire(?:\$\d+)?\(`([^`$]+)\$\{/gm;
      for (const match of code.matchAll(statements)) {
        const specifier = match[1] ?? match[2] ?? match[3] ?? '';
        if (specifier.startsWith('.')) continue;
        const name = specifier.startsWith('@')
          ? specifier.split('/').slice(0, 2).join('/')
          : (specifier.split('/')[0] ?? '');
        imported.add(name.replace(/^node:/, ''));
      }
    }
    // ws tries these native add-ons in a try/catch and runs without them.
    const optional = ['bufferutil', 'utf-8-validate'];
    const packages = [...imported].filter(
      (name) => !builtinModules.includes(name) && !optional.includes(name),
    );
    const forTypesOnly = ['zod'];
    expect(packages.sort()).toEqual(
      Object.keys(pkg.dependencies ?? {})
        .filter((name) => !forTypesOnly.includes(name))
        .sort(),
    );
    expect(Object.keys(pkg.dependencies ?? {})).toEqual(expect.arrayContaining(forTypesOnly));
  });

  it('finds its templates and version from the bundle', async () => {
    const result = await runCli(['--version'], { cwd: REPO });
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

/** The code of every file of the bundle. */
function bundledSources(): string[] {
  return bundledFiles().map(([, code]) => code);
}

/** Each file of the bundle, with its code. */
function bundledFiles(): [string, string][] {
  const chunks = readdirSync(join(REPO, 'bundled')).filter((name) => /\.c?js$/.test(name));
  return chunks.map((chunk) => [chunk, readFileSync(join(REPO, 'bundled', chunk), 'utf8')]);
}
