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
  input: { cli: 'lib/cli.js', index: 'lib/index.js' },
  platform: 'node',
  // puppeteer reads its config file (.puppeteerrc.cjs, say) with cosmiconfig, which loads
  // it through CommonJS's own loader (`__filename`, `require.cache`): it must stay a real
  // CommonJS module from node_modules, so it is a dependency of presskit's own. TypeScript
  // is only for a .ts config file.
  external: ['cosmiconfig', 'typescript'],
  plugins: [withoutEsprimaForJsYaml()],
  // gray-matter's JavaScript engine calls eval(); presskit replaces it with one that throws
  // (src/release/load.ts), so the warning says nothing new.
  checks: { eval: false },
  output: {
    dir: 'bundled',
    format: 'esm',
    sourcemap: true,
    cleanDir: true,
  },
});

/**
 * js-yaml's esprima, a whole JavaScript parser, took ~35 ms to load on every run; it gets a
 * stub instead (see there). Only js-yaml's: puppeteer's proxy code keeps the real one.
 */
function withoutEsprimaForJsYaml() {
  const stub = fileURLToPath(new URL('scripts/bundle/no-esprima.cjs', import.meta.url));
  return {
    name: 'presskit:without-esprima-for-js-yaml',
    resolveId(source, importer) {
      const fromJsYaml = importer?.includes('/node_modules/js-yaml/') ?? false;
      return source === 'esprima' && fromJsYaml ? stub : null;
    },
  };
}
