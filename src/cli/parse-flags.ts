import { InvalidArgumentError } from 'commander';

/** Flag values commander hands over as text, checked and converted. */
export function positiveInt(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1)
    throw new InvalidArgumentError('must be a whole number ≥ 1');
  return number;
}

export function shard(value: string): { index: number; count: number } {
  const match = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new InvalidArgumentError('must be i/n with 1 ≤ i ≤ n, e.g. 2/3');
  }
  return { index, count };
}

export function port(value: string): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || number > 65535)
    throw new InvalidArgumentError('must be a port number, 0 to 65535 (0: any free one)');
  return number;
}

/** `--paper`: what the config's `paper` accepts, in any case. */
export function paperSize(value: string): 'A4' | 'Letter' {
  if (/^a4$/i.test(value)) return 'A4';
  if (/^letter$/i.test(value)) return 'Letter';
  throw new InvalidArgumentError('must be A4 or Letter');
}

/** `--vcard-version`: what the config's `vcardVersion` accepts, 3, 3.0, 4 or 4.0. */
export function vcardVersion(value: string): '3.0' | '4.0' {
  if (/^3(\.0)?$/.test(value)) return '3.0';
  if (/^4(\.0)?$/.test(value)) return '4.0';
  throw new InvalidArgumentError('must be 3.0 or 4.0');
}
