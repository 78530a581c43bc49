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
