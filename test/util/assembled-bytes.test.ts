import { randomBytes } from 'node:crypto';
import { constants, deflateRawSync, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { BytesPart } from '../../src/util/assembled-bytes.js';
import { assembledBytes, deflateAssembled } from '../../src/util/assembled-bytes.js';

const text = (value: string): Buffer => Buffer.from(value);
// Base64 of random bytes: what a page's inline fonts look like to zlib.
const fonts = Buffer.from(randomBytes(60_000).toString('base64'));

describe('deflateAssembled', () => {
  it('inflates back to the whole file, whatever the parts and where the shared ones are', () => {
    const shapes: BytesPart[][] = [
      [
        { bytes: text('<style>'), shared: false },
        { bytes: fonts, shared: true },
        { bytes: text('</style><p>page</p>'), shared: false },
      ],
      [
        { bytes: fonts, shared: true },
        { bytes: text(''), shared: false },
      ],
      [
        { bytes: text(''), shared: false },
        { bytes: fonts, shared: true },
        { bytes: text('\n/* script fonts */'), shared: false },
        { bytes: fonts, shared: true },
        { bytes: text('end'), shared: false },
      ],
      [
        { bytes: text('head '), shared: false },
        { bytes: fonts, shared: true },
      ],
    ];
    for (const parts of shapes) {
      const file = assembledBytes(parts);
      expect(file.equals(Buffer.concat(parts.map((part) => part.bytes)))).toBe(true);
      for (const level of [4, 6]) {
        const deflated = deflateAssembled(file, level);
        expect(inflateRawSync(deflated).equals(file)).toBe(true);
        // The same bytes each time: the zip stays reproducible.
        expect(deflateAssembled(file, level).equals(deflated)).toBe(true);
      }
    }
  });

  it('deflates each part as its own run ended by a full flush, the last one final', () => {
    const flushed = (bytes: Buffer): Buffer =>
      deflateRawSync(bytes, { level: 6, finishFlush: constants.Z_FULL_FLUSH });
    const page = (body: string): Buffer =>
      assembledBytes([
        { bytes: text('<style>'), shared: false },
        { bytes: fonts, shared: true },
        { bytes: text(body), shared: false },
      ]);
    for (const body of ['one', 'two']) {
      const expected = [flushed(text('<style>')), flushed(fonts), deflateRawSync(text(body))];
      expect(deflateAssembled(page(body), 6).equals(Buffer.concat(expected))).toBe(true);
    }
    // A file not assembled from parts is deflated whole, as zlib does.
    const plain = Buffer.concat([text('<style>'), fonts, text('one')]);
    expect(deflateAssembled(plain, 6).equals(deflateRawSync(plain, { level: 6 }))).toBe(true);
  });
});
