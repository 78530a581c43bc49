import { constants, deflateRawSync } from 'node:zlib';

/** A part of an assembled file; `shared` when many files carry these very bytes. */
export interface BytesPart {
  bytes: Buffer;
  shared: boolean;
}

/** The parts each assembled file was made from, while it is alive. */
const partsOf = new WeakMap<Buffer, readonly BytesPart[]>();
/** Each shared part deflated on its own, by zlib level. */
const deflatedShared = new WeakMap<Buffer, Map<number, Buffer>>();

/**
 * The parts as one file, remembered as such so that `deflateAssembled` can reuse the
 * deflated bytes of its shared parts: a kit's page is 180 kB, 160 kB of it the base64 fonts
 * that every page of the same languages carries, and deflating them was a tenth of the
 * build's Node CPU per release.
 */
export function assembledBytes(parts: readonly BytesPart[]): Buffer {
  const bytes = Buffer.concat(parts.map((part) => part.bytes));
  partsOf.set(bytes, parts);
  return bytes;
}

/**
 * Raw deflate of `data`, a valid stream for any input. For an assembled file, each part is
 * deflated as its own run of blocks, ended by a full flush (so none refers back into
 * another) and the last one final; a shared part's run is made once and reused. The
 * stream then differs from zlib's of the whole, and is as fixed for the same input.
 */
export function deflateAssembled(data: Buffer, level: number): Buffer {
  const parts = partsOf.get(data);
  if (!parts || parts.length < 2) return deflateRawSync(data, { level });
  const last = parts.length - 1;
  return Buffer.concat(
    parts.map((part, index) => {
      if (index === last) return deflateRawSync(part.bytes, { level });
      if (!part.shared) return flushedRun(part.bytes, level);
      let byLevel = deflatedShared.get(part.bytes);
      if (!byLevel) deflatedShared.set(part.bytes, (byLevel = new Map()));
      let run = byLevel.get(level);
      if (!run) byLevel.set(level, (run = flushedRun(part.bytes, level)));
      return run;
    }),
  );
}

function flushedRun(bytes: Buffer, level: number): Buffer {
  return deflateRawSync(bytes, { level, finishFlush: constants.Z_FULL_FLUSH });
}
