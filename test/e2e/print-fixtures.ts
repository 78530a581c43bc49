import { deflateSync } from 'node:zlib';
import { pngFile } from './helpers.js';

/** A photo-like RGB PNG: smooth colours with some texture, so it compresses as photos do. */
export function photoPng(width: number, height: number): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      row[1 + x * 3] = (x * 255) / width;
      row[2 + x * 3] = (y * 255) / height;
      row[3 + x * 3] = ((x + y) % 64) * 4;
    }
    rows.push(row);
  }
  return pngFile(width, height, deflateSync(Buffer.concat(rows)));
}

const paragraph = (n: number): string =>
  `Paragraph ${n} of the release tells the story of the harbour clean-up with the detail a ` +
  'reporter needs: who took part, where the work happened, how much rubbish came out of the ' +
  'water and what the city will do next year to keep the quays clean for everyone who lives ' +
  'and works there.';

/**
 * About 1,900 words with a list, a table with aligned columns, a link, strong and emphasis, a
 * quote, and three images (two landscape, one portrait): the case issue 18 measured at 9 pages.
 */
export function longRelease(): string {
  const parts = [
    'The city and its partners **cleared two tonnes** of rubbish from the harbour on Saturday, the *largest* clean-up yet.',
  ];
  for (let n = 1; n <= 35; n++) {
    parts.push(paragraph(n));
    if (n === 8) {
      parts.push(
        '## What was found',
        '- Plastic bottles, **1,200** of them\n- Fishing nets, see [the report](https://example.org/report)\n- A bicycle',
        '| Item | Count | Weight (kg) |\n| :--- | :---: | ---: |\n| Bottles | 1,200 | 84.5 |\n| Nets | 14 | 310.0 |\n| Tyres | 9 | 95.25 |',
      );
    }
    if (n === 15) parts.push('> “We will be back next year,” said the harbour master.');
  }
  return `---
title: Volunteers clear two tonnes of rubbish from the harbour
subtitle: The largest clean-up in the city's history
lang: en
date: 2026-11-27
dateline: PORTSMOUTH
summary: Volunteers cleared two tonnes of rubbish.
organization:
  name: Harbour Trust
  url: https://example.org
contacts:
  - name: Jürgen Müller
    role: Press officer
    organization: Harbour Trust
    office: Media desk
    phone: +44 20 7946 0958
    email: press@example.org
    address: { street: 1 Quay Street, locality: Portsmouth, country: United Kingdom }
boilerplate: The Harbour Trust looks after the harbour.
assets:
  - file: quay.png
    caption: Volunteers on the quay at dawn.
    credit: Jane Photographer
    alt: Volunteers in orange vests on a quay
  - file: nets.png
    caption: The nets pulled from the water.
    credit: Jane Photographer
    alt: A pile of fishing nets
  - file: master.png
    caption: The harbour master.
    credit: John Photographer
    alt: A portrait of the harbour master
---

${parts.join('\n\n')}
`;
}

/** Three lines of body, one image, one contact: one page. */
export const SHORT_RELEASE = `---
title: Harbour open on Sunday
lang: en
date: 2026-11-27
contacts:
  - name: Jane Doe
    email: jane@example.org
    phone: +44 20 7946 0000
assets:
  - file: photo.png
    caption: The harbour.
    alt: The harbour at noon
---

The harbour opens on Sunday.
Boats may moor from 9 a.m.
Entry is free.
`;

/** The files of a project holding both releases. */
export function printProject(): Record<string, string | Uint8Array> {
  return {
    'releases/long/index.md': longRelease(),
    'releases/long/quay.png': photoPng(1600, 1000),
    'releases/long/nets.png': photoPng(1500, 1000),
    'releases/long/master.png': photoPng(800, 1200),
    'releases/short/index.md': SHORT_RELEASE,
    'releases/short/photo.png': photoPng(1600, 1000),
  };
}
