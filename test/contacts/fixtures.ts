import { parsePhone } from '../../src/contacts/phone.js';
import type { Contact, Phone } from '../../src/types.js';

/** A phone number that must parse. */
export function phone(raw: string): Phone {
  const parsed = parsePhone(raw);
  if (!parsed) throw new Error(`fixture phone ${raw} must parse`);
  return parsed;
}

/** Vector A's contact (STANDARDS). */
export const amelie: Contact = {
  name: 'Amélie Dupré-Lefèvre',
  role: 'Responsable presse',
  organization: 'Société Générale des Eaux',
  office: 'Direction de la communication',
  email: 'amelie.dupre-lefevre@example.fr',
  phone: phone('+33 1 42 68 53 00 poste 221'),
};
