// Part of `npm run build`, after tsc: copies the fonts presskit uses from the @fontsource
// packages (dev dependencies) into fonts/, which the package ships (see src/html/fonts.ts).
// The selection is the one fonts.ts reads back, from lib/: the two cannot disagree.
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { FONT_FACES, fontFolder, usedSubsets } from '../lib/html/fonts.js';
import { SCRIPT_FACES, scriptFontFile } from '../lib/html/script-fonts.js';

const require = createRequire(import.meta.url);

for (const face of FONT_FACES) {
  const from = dirname(require.resolve(`${face.pkg}/package.json`));
  const to = fontFolder(face.pkg);
  await rm(to, { recursive: true, force: true });
  await mkdir(join(to, 'files'), { recursive: true });
  // The SIL Open Font License asks that it travel with the fonts.
  await copyFile(join(from, 'LICENSE'), join(to, 'LICENSE'));
  for (const cssFile of face.css) {
    const css = await readFile(join(from, cssFile), 'utf8');
    await copyFile(join(from, cssFile), join(to, cssFile));
    for (const { file } of usedSubsets(css)) await copyFile(join(from, file), join(to, file));
  }
}

// The faces of other scripts (Arabic, Chinese): the weights presskit subsets from, whole.
for (const face of SCRIPT_FACES) {
  for (const [pkg, path] of Object.values(face.files)) {
    const from = dirname(require.resolve(`${pkg}/package.json`));
    const to = scriptFontFile(pkg, path);
    await mkdir(dirname(to), { recursive: true });
    await copyFile(join(from, path), to);
    const licence = ['LICENSE', 'OFL.txt', 'LICENSE.txt'].find((name) =>
      existsSync(join(from, name)),
    );
    if (licence) await copyFile(join(from, licence), join(dirname(to), '..', licence));
  }
}
