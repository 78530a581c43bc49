import type { Contact } from '../types.js';

/**
 * The line under a contact's name: office, then organization, leaving out the organization
 * when the office already names it ("OIM New York", not "OIM New York, OIM"). For a press
 * office (no person's name) the organization is the name, so only the office remains.
 */
export function contactAffiliation(contact: Contact): string | undefined {
  const office = contact.office;
  const organization = contact.name ? contact.organization : undefined;
  if (office && organization && !office.includes(organization)) return `${office}, ${organization}`;
  return office ?? organization;
}
