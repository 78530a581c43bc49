/**
 * The CLI and the package entry as a few bundled files (bundled/), built from tsc's lib/.
 * Node spends most of a one-release build loading modules: one file per dependency graph
 * instead of ~600 small ones, with no package.json lookups and no CommonJS export scanning,
 * starts in about half the time. Dynamic imports stay separate chunks, so `--help`,
 * `check` and no-change builds still load only what they use.
 */
import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'rolldown';

export default defineConfig({
  input: { cli: 'lib/cli/index.js', index: 'lib/index.js' },
  platform: 'node',
  // subset-font finds HarfBuzz's .wasm beside itself, and hyphen's patterns are loaded one
  // language at a time: both stay in node_modules.
  external: ['subset-font', 'fontverter', /^hyphen(\/|$)/],
  plugins: [withoutUnusedDependencies()],
  // gray-matter's JavaScript engine calls eval(); presskit replaces it with one that throws
  // (src/release/load.ts), so the warning says nothing new.
  checks: { eval: false },
  output: {
    dir: 'bundled',
    format: 'esm',
    // Not shipped: the package carries one copy of the code (this bundle) and its types.
    sourcemap: false,
    cleanDir: true,
  },
});

/**
 * Dependencies that presskit never calls but that their importers load on every run get a
 * stub instead (see each). Only for that importer: another package keeps the real one.
 */
const STUBS = [
  // js-yaml's esprima, a whole JavaScript parser: ~35 ms on every run.
  { source: 'esprima', importer: '/node_modules/js-yaml/', stub: 'no-esprima.cjs' },
  // @puppeteer/browsers' proxy-agent, for downloads: ~1.5 MB of code on every build.
  {
    source: 'proxy-agent',
    importer: '/node_modules/@puppeteer/browsers/',
    stub: 'no-proxy-agent.js',
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
