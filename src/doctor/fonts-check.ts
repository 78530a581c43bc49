import { execFile } from 'node:child_process';
import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { FONT_FACES, fontFolder, usedSubsets } from '../html/fonts.js';
import type { DoctorCheck } from './report.js';

const run = promisify(execFile);

/**
 * The fonts presskit ships (every file its CSS names), then the machine's own, which
 * Chromium falls back to for characters the shipped ones lack (Greek, Cyrillic, CJK).
 */
export async function checkFonts(): Promise<DoctorCheck> {
  const families: string[] = [];
  let files = 0;
  for (const face of FONT_FACES) {
    const dir = fontFolder(face.pkg);
    try {
      for (const cssFile of face.css) {
        const css = await readFile(join(dir, cssFile), 'utf8');
        for (const { file } of usedSubsets(css)) {
          await access(join(dir, file));
          files++;
        }
      }
    } catch {
      return {
        name: 'fonts',
        status: 'fail',
        detail: `presskit's own fonts are incomplete: ${dir}`,
        path: dir,
        advice: 'reinstall presskit (in a clone: npm run build copies them)',
      };
    }
    families.push(face.family);
  }
  const shipped = `${families.join(' and ')} (${files} files)`;
  const system = await systemFontFamilies();
  if (system === undefined || system > 0) {
    const others = system === undefined ? '' : `; ${system} system font families for other scripts`;
    return { name: 'fonts', status: 'ok', detail: `${shipped}${others}` };
  }
  return {
    name: 'fonts',
    status: 'warn',
    detail: `${shipped}; no system fonts: characters beyond Latin would print as boxes`,
    advice: 'install some, e.g. Debian’s fonts-dejavu-core (or fonts-noto-core for more scripts)',
  };
}

/** How many font families fontconfig knows, or undefined where there is no fontconfig. */
async function systemFontFamilies(): Promise<number | undefined> {
  try {
    const { stdout } = await run('fc-list', [':', 'family'], { timeout: 10_000 });
    return new Set(stdout.split('\n').filter((line) => line.trim() !== '')).size;
  } catch {
    // macOS and Windows have no fc-list, and always have fonts; Linux has it with Chromium.
    return process.platform === 'linux' ? 0 : undefined;
  }
}
