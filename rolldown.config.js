/**
 * The CLI and the package entry as a few bundled files (bundled/), built from tsc's lib/.
 * Node spends most of a one-release build loading modules: one file per dependency graph
 * instead of ~600 small ones, with no package.json lookups and no CommonJS export scanning,
 * starts in about half the time. Dynamic imports stay separate chunks, so `--help`,
 * `check` and no-change builds still load only what they use.
 */
import { defineConfig } from 'rolldown';

export default defineConfig({
  input: { cli: 'lib/cli.js', index: 'lib/index.js' },
  platform: 'node',
  // cosmiconfig (puppeteer's config loader) requires TypeScript only for a .ts config file.
  external: ['typescript'],
  output: {
    dir: 'bundled',
    format: 'esm',
    sourcemap: true,
    cleanDir: true,
  },
});
