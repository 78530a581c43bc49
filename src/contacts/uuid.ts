/** Name-based UUIDs (RFC 9562 §5.5, version 5, SHA-1) so that a contact's UID never changes. */
import { createHash } from 'node:crypto';

/** RFC 9562 Appendix C namespace for URLs; we name contacts by `mailto:` URLs. */
export const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

/** Lower-case `xxxxxxxx-xxxx-5xxx-yxxx-xxxxxxxxxxxx` for `name` (UTF-8) in `namespace`. */
export function uuidV5(name: string, namespace: string = URL_NAMESPACE): string {
  if (!UUID.test(namespace)) throw new TypeError(`not a UUID: ${namespace}`);
  const digest = createHash('sha1')
    .update(Buffer.from(namespace.replaceAll('-', ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  const bytes = digest.subarray(0, 16);
  // Version 5 in the high nibble of octet 6; RFC variant (10xx) in octet 8.
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    hex.slice(12, 16),
    hex.slice(16, 20),
    hex.slice(20, 32),
  ].join('-');
}
