import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * The machine's browsers, both installed by scripts/setup.sh: tests must fail, not skip,
 * when one is missing. presskit prints with the headless shell when there is one, and
 * falls back to full Chromium.
 */
export const HEADLESS_SHELL = '/usr/lib/chromium/chromium-headless-shell';
export const FULL_CHROMIUM = '/usr/bin/chromium';
/** The browser presskit finds on this machine, which most tests print with. */
export const BROWSER = HEADLESS_SHELL;
/** For the tests that must hold with either browser. */
export const BROWSERS = [
  ['chromium-headless-shell', HEADLESS_SHELL],
  ['full Chromium', FULL_CHROMIUM],
] as const;

/** An `@font-face` rule with a bundled @fontsource woff2 inlined as a data: URI. */
export function inlineFontFace(family: string, pkg: string, file: string): string {
  const dir = dirname(require.resolve(`${pkg}/package.json`));
  const data = readFileSync(join(dir, 'files', file)).toString('base64');
  return `@font-face { font-family: '${family}'; font-weight: 400; src: url(data:font/woff2;base64,${data}) format('woff2'); }`;
}

const FONTS = [
  inlineFontFace('Inter', '@fontsource/inter', 'inter-latin-400-normal.woff2'),
  inlineFontFace(
    'Source Serif',
    '@fontsource/source-serif-4',
    'source-serif-4-latin-400-normal.woff2',
  ),
].join('\n');

export interface SampleOptions {
  size?: string;
  /** Extra markup in <head>, e.g. remote resources that must stay blocked. */
  head?: string;
  /** Extra markup at the end of <body>. */
  body?: string;
  lang?: string;
}

/**
 * Two pages: a headline, a forced page break, a second heading. Page numbers come from an
 * `@page` margin box, as the real template does. Weights stay at 400 so no synthetic bold
 * (a Type 3 font) appears in the output.
 */
export function sampleHtml(options: SampleOptions = {}): string {
  return `<!doctype html>
<html lang="${options.lang ?? 'en'}"><head><meta charset="utf-8"><title>Title from Chrome</title>
<style>
${FONTS}
@page { size: ${options.size ?? 'A4'}; margin: 20mm;
  @bottom-center { content: "Page " counter(page) " / " counter(pages); font-family: Inter; } }
body { font-family: 'Source Serif'; }
h1, h2 { font-family: Inter; font-weight: 400; }
</style>${options.head ?? ''}</head>
<body>
<main>
<h1>First heading</h1>
<p>Body text on the first page.</p>
<h2 style="break-before: page">Second heading</h2>
<p>Body text on the second page.</p>
</main>
${options.body ?? ''}
</body></html>`;
}

/** True while a process with this id exists (a reaped child no longer does). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Processes whose command line mentions `text`, e.g. a profile folder. */
export function processesMentioning(text: string): string[] {
  const run = spawnSync('pgrep', ['-f', text], { encoding: 'utf8' });
  return run.stdout.split('\n').filter(Boolean);
}

export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

let workDir: string | undefined;

/** Removes the files the PDF tools were run on. */
export function removeToolFiles(): void {
  if (workDir !== undefined) rmSync(workDir, { recursive: true, force: true });
  workDir = undefined;
}

/**
 * Runs a PDF tool as `command ...args file ...after`; returns stdout, or throws with
 * stderr on a non-zero exit.
 */
export function pdfTool(
  command: string,
  args: string[],
  pdf: Uint8Array,
  after: string[] = [],
): string {
  workDir ??= mkdtempSync(join(tmpdir(), 'presskit-pdf-test-'));
  const file = join(workDir, `${command}-${process.hrtime.bigint()}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync(command, [...args, file, ...after], { encoding: 'utf8' });
}

/** The PDF's text as pdftotext extracts it. */
export function pdfText(pdf: Uint8Array, layout = false): string {
  return pdfTool('pdftotext', layout ? ['-layout'] : [], pdf, ['-']);
}

/** `qpdf --check`: exit status and output, to assert on both. */
export function qpdfCheck(pdf: Uint8Array): { status: number | null; output: string } {
  workDir ??= mkdtempSync(join(tmpdir(), 'presskit-pdf-test-'));
  const file = join(workDir, `check-${process.hrtime.bigint()}.pdf`);
  writeFileSync(file, pdf);
  const run = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
  return { status: run.status, output: run.stdout + run.stderr };
}

/** `pdfinfo` fields as a map, e.g. `Title` → `...`. */
export function pdfinfo(pdf: Uint8Array): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of pdfTool('pdfinfo', [], pdf).split('\n')) {
    const match = /^([^:]+):\s*(.*)$/.exec(line);
    if (match?.[1] !== undefined && match[2] !== undefined) fields.set(match[1], match[2]);
  }
  return fields;
}

export interface FontRow {
  name: string;
  type: string;
  embedded: string;
}

/** `pdffonts` rows; the name keeps its subset prefix (`AAAAAA+Inter-Regular`). */
export function pdffonts(pdf: Uint8Array): FontRow[] {
  const lines = pdfTool('pdffonts', [], pdf).split('\n').slice(2);
  return lines
    .filter((line) => line.trim() !== '')
    .map((line) => {
      // Columns: name, type (may contain spaces), encoding, emb, sub, uni, object id.
      const match = /^(\S+)\s+(.+?)\s{2,}\S+\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$/.exec(
        line,
      );
      if (!match?.[1] || !match[2] || !match[3])
        throw new Error(`unexpected pdffonts row: ${line}`);
      return { name: match[1], type: match[2], embedded: match[3] };
    });
}

/** Python's own XML parser reads the packet: proves it well-formed and decodes escapes. */
const READ_XMP = `
import json, sys, xml.etree.ElementTree as ET
RDF = '{http://www.w3.org/1999/02/22-rdf-syntax-ns#}'
fields = {}
for description in ET.fromstring(sys.stdin.buffer.read()).iter(RDF + 'Description'):
    for field in description:
        items = [li.text for li in field.iter(RDF + 'li')]
        fields[field.tag.split('}')[1]] = items if items else field.text
print(json.dumps(fields))
`;

/** The XMP packet's properties by local name: `title` → `['…', '…']`, `Keywords` → `'…'`. */
export function readXmp(pdf: Uint8Array): Record<string, unknown> {
  const xmp = pdfTool('pdfinfo', ['-meta'], pdf);
  const json: unknown = JSON.parse(
    execFileSync('python3', ['-c', READ_XMP], { input: xmp, encoding: 'utf8' }),
  );
  if (typeof json !== 'object' || json === null) throw new Error('XMP reader gave no object');
  return { ...json };
}
