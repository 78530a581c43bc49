import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';
import { parse } from 'yaml';
import { build } from '../../src/index.js';
import type { BuildReport } from '../../src/index.js';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SAMPLE_RELEASE = join(REPO, 'releases/oim-belgique-accord-cadre.md');

export const SAMPLE_SLUG = 'oim-belgique-accord-cadre';
export const ENGLISH_SLUG = 'harbour-cleanup';
export const HOSTILE_SLUG = 'hostile-title';
export const BASE_URL = 'https://press.example.org/kits/';
/** A title that would end the JSON-LD element and start a script if it were not escaped. */
export const HOSTILE_TITLE = 'Note trimestrielle </script><script>alert(1)</script> & suite';

/** A release in English with every part the page can show. */
export const ENGLISH_RELEASE = `---
title: Port authority and city sign a ten-year harbour clean-up plan
subtitle: Volunteers, fishers and schools join the first phase in spring
lang: en
date: 2026-11-27T09:00:00+01:00
embargo: 2026-12-01T10:00:00+01:00
timezone: Europe/Brussels
kind: Press release
region: Europe
dateline: Antwerp
summary: >-
  The port authority and the city agreed today on a ten-year plan to clear plastic and
  heavy metals from the old harbour basins, starting in March.
organization:
  name: Harbour Alliance
  url: https://harbour.example.org/
boilerplate: >-
  The **Harbour Alliance** brings together the port authority, the city and
  twelve environmental groups. Read more on [our website](https://harbour.example.org/about).
contacts:
  - name: Amélie Dupré-Lefèvre
    role: Head of press
    organization: Harbour Alliance
    phone: +32 2 555 01 23 ext. 12
    email: amelie.dupre@harbour.example.org
  - organization: Harbour Alliance press office
    email: press@harbour.example.org
    phone: +32 2 555 01 00
    address:
      street: Havenhuis, Zaha Hadidplein 1
      locality: Antwerp
      postalCode: "2030"
      country: Belgium
assets:
  - file: harbour.png
    alt: The old harbour basin at dawn, cranes on the far quay
    caption: The old harbour basin, where the first phase starts in March.
    credit: Jane Photographer / Harbour Alliance
  - file: fact-sheet.pdf
    caption: The plan in two pages
tags:
  - harbour
  - environment
---

The port authority and the city signed a ten-year plan on Friday to clean the old harbour.

## What the plan covers

The first phase clears the three oldest basins:

- removal of 40 tonnes of plastic a year;
- dredging of sediments polluted with heavy metals;
- new reed beds along the eastern quay.

> “This is the largest clean-up the harbour has seen in a century,” said the mayor.

Details of every phase are on [the plan's page](https://harbour.example.org/plan).
`;

/** In French, so that a page with a base URL shows the fr_FR Open Graph locale too. */
export const HOSTILE_RELEASE = `---
title: "${HOSTILE_TITLE}"
lang: fr
date: 2026-11-20
summary: Un résumé avec <b>balisage</b> qui doit rester du texte.
organization:
  name: Alliance du port
---

Le texte du communiqué.
`;

export interface BuiltProject {
  root: string;
  out: string;
  report: BuildReport;
  /** Folder of the kit with this slug. */
  kitDir(slug: string): string;
  cleanup(): Promise<void>;
}

export async function buildProject(
  prefix: string,
  setup: (root: string) => Promise<void>,
): Promise<BuiltProject> {
  const root = await mkdtemp(join(tmpdir(), prefix));
  await mkdir(join(root, 'releases'), { recursive: true });
  await setup(root);
  const report = await build({ root, out: 'dist', env: { ...process.env } });
  const failed = report.releases.filter((release) => release.status !== 'built');
  if (!report.ok || failed.length > 0) {
    throw new Error(`fixture build failed: ${JSON.stringify(failed, null, 2)}`);
  }
  const out = join(root, 'dist');
  return {
    root,
    out,
    report,
    kitDir: (slug) => join(out, slug),
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}

/** The shipped sample release alone, with no config: no base URL. */
export function buildSampleProject(): Promise<BuiltProject> {
  return buildProject('presskit-html-sample-', async (root) => {
    await copyFile(SAMPLE_RELEASE, join(root, 'releases', `${SAMPLE_SLUG}.md`));
  });
}

/** The English release with an image and a PDF, plus the hostile-title French one; a base URL. */
export function buildEnglishProject(): Promise<BuiltProject> {
  return buildProject('presskit-html-english-', async (root) => {
    await writeFile(join(root, 'presskit.config.yaml'), `baseUrl: ${BASE_URL}\n`);
    const dir = join(root, 'releases', ENGLISH_SLUG);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'index.md'), ENGLISH_RELEASE);
    await writeFile(join(dir, 'harbour.png'), gradientPng(480, 300));
    await writeFile(join(dir, 'fact-sheet.pdf'), minimalPdf());
    await writeFile(join(root, 'releases', `${HOSTILE_SLUG}.md`), HOSTILE_RELEASE);
  });
}

/** A real, decodable RGB PNG: a sky-to-water gradient, written chunk by chunk. */
export function gradientPng(width: number, height: number): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      const t = y / (height - 1);
      const water = y > height * 0.6;
      row[1 + x * 3] = water ? 20 : Math.round(250 - 120 * t);
      row[2 + x * 3] = water ? Math.round(80 + (x / width) * 40) : Math.round(190 - 60 * t);
      row[3 + x * 3] = water ? 120 : Math.round(140 + 100 * t);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, deflate, no filter method, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.concat(rows))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A one-page PDF with a correct cross-reference table. */
export function minimalPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ];
  let text = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(text, 'latin1'));
    text += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(text, 'latin1');
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) text += `${String(offset).padStart(10, '0')} 00000 n \n`;
  text += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(text, 'latin1');
}

/** A release file's frontmatter, read with the `yaml` package (YAML 1.2: dates stay text). */
export function frontmatter(source: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(source);
  if (!match?.[1]) throw new Error('no frontmatter');
  const data: unknown = parse(match[1]);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new Error('frontmatter is not a mapping');
  }
  return Object.fromEntries(Object.entries(data));
}
