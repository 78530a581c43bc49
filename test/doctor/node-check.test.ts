import { describe, expect, it } from 'vitest';
import { checkNode } from '../../src/doctor/node-check.js';

describe('checkNode', () => {
  it('passes the supported versions and fails older ones with advice', () => {
    for (const version of ['20.19.0', '20.20.2', '22.1.0', '100.0.0']) {
      expect(checkNode(version).status, version).toBe('ok');
    }
    for (const version of ['20.18.9', '18.20.0', '8.0.0']) {
      const check = checkNode(version);
      expect(check.status, version).toBe('fail');
      expect(check.advice).toContain('20.19');
    }
  });
});
