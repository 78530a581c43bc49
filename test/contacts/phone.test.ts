import { describe, expect, it } from 'vitest';
import {
  formatPhoneDisplay,
  parsePhone,
  phoneTelUri,
  phoneVcard3Text,
} from '../../src/contacts/phone.js';

describe('parsePhone', () => {
  it.each([
    '+1 212 681 7000 ext. 221',
    '+1 212 681 7000 Ext. 221',
    '+1 212 681 7000 x221',
    '+1 212 681 7000 poste 221',
    '+1 212 681 7000, poste 221',
    '+1 (212) 681-7000 extension 221',
    '001 212 681 7000 ext 221',
    '  +1.212.681.7000 #221 ',
  ])('reads the number and the extension of %j', (raw) => {
    const phone = parsePhone(raw);
    expect(phone).toEqual({
      raw,
      e164: '+12126817000',
      extension: '221',
      international: '+1 212 681 7000',
    });
  });

  it('reads a number without extension and keeps the raw text', () => {
    const phone = parsePhone('+33 (0)1 42 68 53 00');
    expect(phone?.e164).toBe('+33142685300');
    expect(phone?.international).toBe('+33 1 42 68 53 00');
    expect(phone?.extension).toBeUndefined();
    expect(phone?.raw).toBe('+33 (0)1 42 68 53 00');
  });

  it.each([
    ['a national number', '01 42 68 53 00'],
    ['a national US number', '(212) 681-7000'],
    ['a number too short to be valid', '+1 212 681 700'],
    ['text around the number', 'Call +1 212 681 7000'],
    ['two numbers', '+1 212 681 7000 / +1 212 681 7001'],
    ['letters', '+1 800 FLOWERS'],
    ['an empty string', ''],
    ['an unassigned country code', '+999 1234 5678'],
  ])('refuses %s', (_label, raw) => {
    expect(parsePhone(raw)).toBeUndefined();
  });
});

describe('phone formats', () => {
  const withExtension = parsePhone('+1 212 681 7000 ext. 221');
  const plain = parsePhone('+44 20 7946 0958');
  if (!withExtension || !plain) throw new Error('fixtures must parse');

  it('labels the extension in the reader language', () => {
    expect(formatPhoneDisplay(withExtension, 'fr')).toBe('+1 212 681 7000 poste 221');
    expect(formatPhoneDisplay(withExtension, 'fr-CA')).toBe('+1 212 681 7000 poste 221');
    expect(formatPhoneDisplay(withExtension, 'en')).toBe('+1 212 681 7000 ext. 221');
    expect(formatPhoneDisplay(withExtension, 'es')).toBe('+1 212 681 7000 ext. 221');
    expect(formatPhoneDisplay(plain, 'fr')).toBe('+44 20 7946 0958');
  });

  it('writes RFC 3966 URIs with visual separators and the extension', () => {
    expect(phoneTelUri(withExtension)).toBe('tel:+1-212-681-7000;ext=221');
    expect(phoneTelUri(plain)).toBe('tel:+44-20-7946-0958');
    // RFC 3966 global-number-digits: "+" then digits and visual separators only.
    expect(phoneTelUri(plain)).toMatch(/^tel:\+[0-9][0-9\-.()]*$/);
  });

  it('writes the vCard 3.0 form with an x extension', () => {
    expect(phoneVcard3Text(withExtension)).toBe('+1 212 681 7000 x221');
    expect(phoneVcard3Text(plain)).toBe('+44 20 7946 0958');
  });

  it('round-trips: every format parses back to the same number', () => {
    for (const text of [
      formatPhoneDisplay(withExtension, 'fr'),
      formatPhoneDisplay(withExtension, 'en'),
      phoneVcard3Text(withExtension),
      phoneTelUri(withExtension).replace(/^tel:/, ''),
    ]) {
      const again = parsePhone(text);
      expect(again?.e164, text).toBe(withExtension.e164);
      expect(again?.extension, text).toBe('221');
    }
  });
});
