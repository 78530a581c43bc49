/**
 * The CLI and the package entry as a few bundled files (bundled/), built from tsc's lib/.
 * Node spends most of a one-release build loading modules: one file per dependency graph
 * instead of ~600 small ones, with no package.json lookups and no CommonJS export scanning,
 * starts in about half the time. Dynamic imports stay separate chunks, so `--help`,
 * `check` and no-change builds still load only what they use.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'rolldown';

export default defineConfig({
  input: { cli: 'lib/cli/index.js', index: 'lib/index.js' },
  platform: 'node',
  // subset-font finds HarfBuzz's .wasm beside itself, and hyphen's patterns are loaded one
  // language at a time: they stay in node_modules, and so does sharp, whose libvips is a
  // native library per platform (@img/sharp-*). Every other library is bundled and a dev
  // dependency: an installed presskit is its bundle (test/e2e/bundle.test.ts). zod is
  // bundled too, though it stays a dependency for the public type declarations that name
  // it: loaded from node_modules, its ~80 files took about 80 ms of every start.
  external: ['subset-font', 'fontverter', /^hyphen(\/|$)/, 'sharp'],
  plugins: [
    withoutUnusedDependencies(),
    environmentReadOnce(),
    regExpsBuiltOnFirstUse(),
    dataParsedAsJson(),
    debugLogsOnlyWhenAsked(),
    thirdPartyNotices(),
    esmPackageEntry(),
  ],
  output: {
    dir: 'bundled',
    // CommonJS, not ES modules: bin/compile-cache.js keeps V8's compiled code of the
    // bundle's CommonJS files between runs (Node 20 has no compile cache, Node 22's keeps
    // less); a one-release build then starts ~0.1 s sooner (BENCHMARKS.md). That cache cannot
    // serve an import() from code it compiled, so the externals' dynamic imports become
    // require() (all four are CommonJS).
    format: 'cjs',
    dynamicImportInCjs: false,
    entryFileNames: '[name].cjs',
    chunkFileNames: '[name]-[hash].cjs',
    // Not shipped: the package carries one copy of the code (this bundle) and its types.
    sourcemap: false,
    cleanDir: true,
  },
});

/**
 * The package entry stays an ES module (`import { build } from 'presskit-cli'`, with the
 * types lib/index.d.ts describes) that re-exports the CommonJS entry's names.
 */
function esmPackageEntry() {
  return {
    name: 'presskit:esm-package-entry',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'index.js',
        source: "// The package entry (see rolldown.config.js).\nexport * from './index.cjs';\n",
      });
    },
  };
}

/**
 * Dependencies that presskit never calls but that their importers load on every run get a
 * stub instead (see each), and one a native equivalent. Only for that importer: another
 * package keeps the real one.
 */
const STUBS = [
  // @puppeteer/browsers' proxy-agent, for downloads: ~1.5 MB of code on every build.
  {
    source: 'proxy-agent',
    importer: '/node_modules/@puppeteer/browsers/',
    stub: 'no-proxy-agent.js',
  },
  // Not unused, but replaced: Node's zlib instead of a JavaScript inflater (see the stub).
  {
    source: 'tiny-inflate',
    importer: '/node_modules/unicode-trie/',
    stub: 'native-inflate.cjs',
  },
];

function withoutUnusedDependencies() {
  return {
    name: 'presskit:without-unused-dependencies',
    resolveId(source, importer) {
      const match = STUBS.find(
        (stub) => stub.source === source && (importer?.includes(stub.importer) ?? false),
      );
      return match ? fileURLToPath(new URL(`scripts/bundle/${match.stub}`, import.meta.url)) : null;
    },
  };
}

/**
 * Debug switches that a library reads from the environment on every call of a hot function,
 * read once when the library loads instead: each read of `process.env` is a call into C++
 * (getenv). yaml's CST parser read LOG_TOKENS for every token, about 100 µs of a release's
 * 250–350 µs of YAML, a tenth of a `check`. The switch still works, set before presskit
 * starts. The build fails if the library's code no longer reads as expected.
 */
const ENVIRONMENT_READ_ONCE = [
  {
    file: '/node_modules/yaml/dist/parse/parser.js',
    after: "var node_process = require('process');\n",
    reads: ['LOG_TOKENS'],
  },
];

function environmentReadOnce() {
  return patchFiles(
    'presskit:environment-read-once',
    () => ENVIRONMENT_READ_ONCE,
    (code, entry, fail) => {
      let patched = code;
      for (const name of entry.reads) {
        const read = `node_process.env.${name}`;
        if (!patched.includes(read) || !patched.includes(entry.after))
          fail(`no longer reads ${read} as expected`);
        patched = patched
          .replaceAll(read, `ENV_${name}_AT_LOAD`)
          .replace(entry.after, `${entry.after}var ENV_${name}_AT_LOAD = ${read};\n`);
      }
      return patched;
    },
  );
}

/**
 * Regular expressions that a library builds as it loads, built on their first use instead.
 * string-width's `/^\p{RGI_Emoji}$/v` took V8 about 12 ms to build (the set of every emoji
 * sequence) on every build that prints, where most releases never run it: src/text/wrap.ts
 * measures ASCII and Latin text without string-width. Only a regular expression that the
 * library merely `.test()`s qualifies; the build fails if the code no longer reads so.
 */
const REGEXPS_BUILT_ON_FIRST_USE = [
  {
    file: '/node_modules/string-width/index.js',
    name: 'rgiEmojiRegex',
    literal: '/^\\p{RGI_Emoji}$/v',
  },
];

function regExpsBuiltOnFirstUse() {
  return patchFiles(
    'presskit:regexps-built-on-first-use',
    () => REGEXPS_BUILT_ON_FIRST_USE,
    (code, { name, literal }, fail) => {
      const declaration = `const ${name} = ${literal};`;
      const uses = code.split(name).length - 1;
      const tests = code.split(`${name}.test(`).length - 1;
      if (!code.includes(declaration) || uses !== tests + 1)
        fail(`no longer declares and only tests ${name}`);
      const [, source, flags] = /^\/(.*)\/(\w*)$/.exec(literal);
      return code.replace(
        declaration,
        `let ${name}Built;\nconst ${name} = { test: (text) => (${name}Built ??= ` +
          `new RegExp(${JSON.stringify(source)}, ${JSON.stringify(flags)})).test(text) };`,
      );
    },
  );
}

/**
 * Large data that a library writes as an object literal, given to JSON.parse instead: V8
 * parses JSON several times faster than it runs a literal of the same data
 * (https://v8.dev/blog/cost-of-javascript-2019#json). libphonenumber-js's metadata (157 kB)
 * took ~20 ms of every build and check to load. Only a module that is nothing but
 * `export default <JSON>` qualifies; the build fails if the file no longer reads so.
 */
const DATA_PARSED_AS_JSON = [{ file: '/node_modules/libphonenumber-js/metadata.max.json.js' }];

function dataParsedAsJson() {
  return patchFiles(
    'presskit:data-parsed-as-json',
    () => DATA_PARSED_AS_JSON,
    (code, _entry, fail) => {
      const body = code.replace(/^(\/\/.*\n)*export default /, '');
      let data;
      try {
        if (body === code) throw new Error('no default export');
        data = JSON.parse(body.replace(/;?\s*$/, ''));
      } catch {
        fail('is no longer `export default` and JSON');
      }
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(data))});\n`;
    },
  );
}

/**
 * A transform patching files of presskit's own dependencies, each named by its path from
 * the repository (`/node_modules/…`): that copy only, not the older ones other packages
 * nest, whose code differs. `patch(code, entry, fail)` gives the new code; `fail` stops
 * the build, saying the library's code no longer reads as expected. `entriesOf` is read at
 * the first file: the tables are declared below the config that makes the plugins.
 */
function patchFiles(name, entriesOf, patch) {
  let byPath;
  return {
    name,
    transform(code, id) {
      byPath ??= new Map(
        entriesOf().map((entry) => [
          fileURLToPath(new URL(`.${entry.file}`, import.meta.url)),
          entry,
        ]),
      );
      const entry = byPath.get(id);
      if (!entry) return null;
      const fail = (what) => this.error(`${entry.file} ${what}: update rolldown.config.js`);
      return { code: patch(code, entry, fail), map: null };
    },
  };
}

/**
 * puppeteer logs every protocol message it sends and receives through the `debug` package,
 * which makes a new logger for each call (its colour, its namespace check, an isatty system
 * call) before finding that nothing is to be logged: about 100 messages a release, several
 * milliseconds of a 100-release build's main thread. `debug` reads DEBUG once, as it loads;
 * so, patched, a log call with no DEBUG at load returns at once. `DEBUG=puppeteer:*` set
 * before presskit starts still logs everything. The build fails if the code no longer reads
 * as expected.
 */
const PUPPETEER_DEBUG = {
  file: '/node_modules/puppeteer-core/lib/esm/puppeteer/common/Debug.js',
  call: '            (await importDebug())(prefix)(logArgs);\n',
  after: "import { isNode } from '../environment.js';\n",
};

function debugLogsOnlyWhenAsked() {
  return patchFiles(
    'presskit:debug-logs-only-when-asked',
    () => [PUPPETEER_DEBUG],
    (code, entry, fail) => {
      if (code.split(entry.call).length !== 2 || !code.includes(entry.after))
        fail('no longer logs as expected');
      return code
        .replace(entry.call, `            if (!DEBUG_AT_LOAD) return;\n${entry.call}`)
        .replace(entry.after, `${entry.after}const DEBUG_AT_LOAD = process.env.DEBUG;\n`);
    },
  );
}

/**
 * bundled/THIRD-PARTY-NOTICES.txt: the name, version, licence and licence text of every
 * package whose code the bundle carries. They are not installed beside it, and their licences
 * (MIT, ISC, Apache-2.0, BSD) ask that the notice travel with the code.
 */
function thirdPartyNotices() {
  return {
    name: 'presskit:third-party-notices',
    generateBundle(_options, bundle) {
      const folders = new Set();
      for (const output of Object.values(bundle)) {
        for (const id of output.type === 'chunk' ? output.moduleIds : []) {
          const match = /^(.*[\\/]node_modules[\\/](?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(id);
          if (match) folders.add(match[1]);
        }
      }
      const notices = [...folders].map(notice).sort((a, b) => (a.title < b.title ? -1 : 1));
      const seen = new Set();
      const text = notices
        .filter(({ title }) => !seen.has(title) && seen.add(title))
        .map(({ title, body }) => `${title}\n${'='.repeat(title.length)}\n\n${body.trim()}\n`)
        .join('\n');
      this.emitFile({
        type: 'asset',
        fileName: 'THIRD-PARTY-NOTICES.txt',
        source: `The presskit bundle (bundled/*.js) contains code of these packages.\n\n${text}`,
      });
    },
  };
}

function notice(folder) {
  const pkg = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
  const file = readdirSync(folder).find((name) => /^(licen[cs]e|copying)/i.test(name));
  const licence = typeof pkg.license === 'string' ? pkg.license : 'see its package';
  return {
    title: `${pkg.name} ${pkg.version} (${licence})`,
    body: file ? readFileSync(join(folder, file), 'utf8') : `No licence file; licence: ${licence}.`,
  };
}
