import type { CommuniqueWords } from './words.js';

/** A press contact read from a communiqué's closing sentence. */
export interface ImportedContact {
  name: string;
  office?: string;
  phone?: string;
  email?: string;
  /** Parts of the sentence that fit no field (a second phone, a mobile). */
  leftOver: string[];
}

const EMAIL = /[^\s,;:<>()]+@[^\s,;:<>()]+\.[a-z]{2,}/iu;
const LABELLED =
  /^(tel|tél|tel\.|tél\.|phone|téléphone|teléfono|mobile|mobile phone|portable|móvil|celular|cell|email|e-mail|courriel|mail|correo|correo electrónico|الهاتف المحمول|الهاتف|هاتف|تلفون|الجوال|جوال|المحمول|محمول|البريد الإلكتروني|البريد الالكتروني|بريد إلكتروني|البريد)\s*\.?\s*:\s*(.+)$/iu;
const PHONE_LABELS = new Set([
  'tel',
  'tél',
  'tel.',
  'tél.',
  'phone',
  'téléphone',
  'teléfono',
  'هاتف',
  'الهاتف',
  'تلفون',
]);
const MOBILE_LABELS = new Set([
  'mobile',
  'mobile phone',
  'portable',
  'móvil',
  'celular',
  'cell',
  'الهاتف المحمول',
  'الجوال',
  'جوال',
  'المحمول',
  'محمول',
]);
/** Commas between a contact's parts: Latin, and Arabic (U+060C). */
const COMMA = /[,،]\s*/u;

/**
 * The contacts of a closing sentence such as "Pour plus d'informations, veuillez contacter
 * Olivia Headon, OIM New York, Tel: +1 212 681 7000 Ext. 221, Email: oheadon@iom.int", or
 * undefined when the paragraph is not one. Each contact ends with its e-mail address, the
 * one part every IOM contact has; "or"/"ou"/"o" between two contacts is dropped.
 */
export function parseContactLine(
  paragraph: string,
  words: CommuniqueWords,
): ImportedContact[] | undefined {
  const intro = words.contactIntro.exec(paragraph);
  if (!intro) return undefined;
  let rest = paragraph.slice(intro[0].length).trim().replace(/\.$/u, '');
  const contacts: ImportedContact[] = [];
  while (rest !== '') {
    const email = EMAIL.exec(rest);
    const end = email ? email.index + email[0].length : rest.length;
    const contact = contactOf(rest.slice(0, end));
    if (contact) contacts.push(contact);
    rest = rest.slice(end).replace(/^[\s,،.]+/u, '');
    const join = words.contactJoin.exec(rest);
    if (join) rest = rest.slice(join[0].length);
  }
  return contacts.length > 0 ? contacts : undefined;
}

function contactOf(segment: string): ImportedContact | undefined {
  const parts = segment
    .split(COMMA)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const first = parts.shift();
  if (first === undefined) return undefined;
  // "Olivia Headon at IOM New York" / "Olivia Headon de l'OIM New York".
  // Lowercase connectors only: "Alexander De Croo" is a name, not "Alexander" at "Croo".
  const at = /^(.+?)\s+(?:at|à|en|de l['’]\s*)\s*(\p{Lu}.+)$/u.exec(first);
  const contact: ImportedContact = { name: (at?.[1] ?? first).trim(), leftOver: [] };
  const offices = at?.[2] ? [at[2].trim()] : [];
  for (const part of parts) {
    const labelled = LABELLED.exec(part);
    const label = labelled?.[1]?.toLowerCase();
    const value = labelled?.[2]?.trim();
    if (label !== undefined && value !== undefined) {
      if (PHONE_LABELS.has(label) && contact.phone === undefined) contact.phone = phoneOf(value);
      else if (MOBILE_LABELS.has(label) && contact.phone === undefined)
        contact.phone = phoneOf(value);
      else if (EMAIL.test(value) && contact.email === undefined)
        contact.email = EMAIL.exec(value)?.[0];
      else contact.leftOver.push(part);
    } else if (EMAIL.test(part) && contact.email === undefined) {
      contact.email = EMAIL.exec(part)?.[0];
    } else {
      offices.push(part);
    }
  }
  if (offices.length > 0) contact.office = offices.join(', ');
  return contact;
}

/** `+1 212 681 7000 Ext. 221` → `+1 212 681 7000 ext. 221`, the form the schema reads. */
function phoneOf(value: string): string {
  return value.replace(/\s*\b(?:ext|extension|poste|ext\.)\.?\s*(\d+)/iu, ' ext. $1').trim();
}
