/**
 * File names for the kit's `contacts/` folder: ASCII slugs, because zip tools, mail clients
 * and old Windows still mangle non-ASCII names; unique without regard to case, because the
 * kit may be unpacked on a case-insensitive file system.
 */
import type { Contact } from '../types.js';
import { asciiSlug, unreservedSlug } from '../util/slug.js';

export { asciiSlug } from '../util/slug.js';

const FALLBACK_SLUG = 'contact';

function contactSlug(contact: Contact): string {
  const candidates = [
    contact.name,
    contact.organization,
    contact.office,
    contact.email?.split('@')[0],
  ];
  for (const candidate of candidates) {
    const slug = candidate ? asciiSlug(candidate) : '';
    if (slug) return unreservedSlug(slug, 'contact');
  }
  return FALLBACK_SLUG;
}

/**
 * One `.vcf` name per contact, in order: `olivia-headon.vcf`, `olivia-headon-2.vcf`, … Names come
 * from the person's name, else the organization, office or email, else `contact`.
 */
export function contactFileNames(contacts: readonly Contact[]): string[] {
  const taken = new Set<string>();
  return contacts.map((contact) => {
    const base = contactSlug(contact);
    let slug = base;
    for (let counter = 2; taken.has(slug); counter += 1) slug = `${base}-${counter}`;
    taken.add(slug);
    return `${slug}.vcf`;
  });
}
