import { describe, expect, it } from 'vitest';
import { launchArgs } from '../../src/browser/launch-args.js';

describe('launchArgs', () => {
  it('keeps the sandbox for a user, unless PRESSKIT_NO_SANDBOX=1 (containers) or root', () => {
    const root = process.getuid?.() === 0;
    expect(launchArgs({}).includes('--no-sandbox')).toBe(root);
    expect(launchArgs({ PRESSKIT_NO_SANDBOX: '0' }).includes('--no-sandbox')).toBe(root);
    expect(launchArgs({ PRESSKIT_NO_SANDBOX: '1' })).toContain('--no-sandbox');
  });
});
