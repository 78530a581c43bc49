import { contactFileNames } from '../contacts/file-names.js';
import { vcardQrSvg } from '../contacts/qr.js';
import { contactToVcard, VcardValueError } from '../contacts/vcard.js';
import { PresskitError } from '../errors.js';
import type { ContactCard } from '../render/html.js';
import type { Release, VcardVersion } from '../types.js';

/** One vCard per contact, with its kit file name and a QR code that carries it. */
export async function contactCards(
  release: Release,
  version: VcardVersion,
): Promise<ContactCard[]> {
  const names = contactFileNames(release.contacts);
  return Promise.all(
    release.contacts.map(async (contact, index) => {
      const vcard = releaseVcard(release, index, version);
      return {
        contact,
        kitPath: `contacts/${names[index] ?? `contact-${index + 1}.vcf`}`,
        vcard,
        qrSvg: await vcardQrSvg(vcard),
      };
    }),
  );
}

/** The vCard of `release.contacts[index]`; a value that cannot be written names its field. */
export function releaseVcard(release: Release, index: number, version: VcardVersion): string {
  const contact = release.contacts[index];
  if (!contact) throw new RangeError(`no contact ${index}`);
  try {
    return contactToVcard(contact, {
      version,
      lang: release.lang,
      rev: release.modified?.instant ?? release.date.instant,
    });
  } catch (error) {
    if (!(error instanceof VcardValueError)) throw error;
    const field = error.field ?? 'name';
    const line = release.lineOf(['contacts', index, ...field.split('.')]);
    throw new PresskitError('E_CONTACT', {
      file: release.displayPath,
      field: `contacts[${index}].${field}`,
      message: error.message,
      ...(line ? { line } : {}),
    });
  }
}
