/**
 * Validated domain types. Raw, unchecked input lives in `release/load.ts` (RawRelease);
 * only `release/schema.ts` turns it into these.
 */

import type { LabelOverrides } from './locale/types.js';

export type VcardVersion = '3.0' | '4.0';
export type PaperSize = 'A4' | 'Letter';

/** A phone number parsed by libphonenumber-js. */
export interface Phone {
  /** As the author wrote it, for error messages. */
  raw: string;
  /** E.164 without extension, e.g. `+12126817000`. */
  e164: string;
  /** Extension digits, e.g. `221`, when any. */
  extension?: string;
  /** International format without extension, e.g. `+1 212 681 7000`. */
  international: string;
}

export interface PostalAddress {
  street?: string;
  locality?: string;
  region?: string;
  postalCode?: string;
  country?: string;
}

export interface Contact {
  /** A person's name; absent for a press office, which becomes an organization card. */
  name?: string;
  /** How `name` splits into given and family names (vCard N), when the rule would not. */
  givenName?: string;
  familyName?: string;
  role?: string;
  organization?: string;
  /** Unit or office within the organization, e.g. "OIM New York". */
  office?: string;
  phone?: Phone;
  email?: string;
  url?: string;
  address?: PostalAddress;
}

export interface Organization {
  name: string;
  url?: string;
  /** Absolute path of the logo file, already checked to be inside the project. */
  logo?: string;
}

/** A point in time as the author wrote it. */
export interface ReleaseDate {
  /** The author's text, e.g. `2016-10-05` or `2026-11-27T10:00:00+01:00`. */
  text: string;
  /** The instant (midnight UTC for a date without time). */
  instant: Date;
  /** False for a plain `YYYY-MM-DD`. */
  hasTime: boolean;
  /** Offset from UTC in minutes as written (0 for `Z` or for a plain date). */
  offsetMinutes: number;
}

/** A value of a release's `extra:` data, as YAML gave it. */
export type ExtraValue = string | ExtraValue[] | { [key: string]: ExtraValue };
export type ExtraData = Record<string, ExtraValue>;

export interface AssetRef {
  /** Absolute path of the source file, checked to be inside the project. */
  source: string;
  /** As written in the frontmatter, for messages. */
  file: string;
  caption?: string;
  credit?: string;
  /** The copyright notice, e.g. "© 2026 UNICEF": written into the web image's metadata. */
  copyright?: string;
  alt?: string;
}

/** `status:` in the frontmatter; default published. */
export type ReleaseStatus = 'draft' | 'published' | 'withdrawn';

/**
 * What a kit is when it is built: a draft (built only on request, never listed), withdrawn
 * (a notice page only), embargoed (built and marked, not listed) or published.
 */
export type KitLifecycle = ReleaseStatus | 'embargoed';

export interface Withdrawal {
  date: ReleaseDate;
  reason: string;
}

export interface Release {
  /** Absolute path of the release's Markdown file. */
  sourceFile: string;
  /** Path for messages, relative to the working directory. */
  displayPath: string;
  slug: string;
  lang: string;
  title: string;
  subtitle?: string;
  /** Label above the headline; defaults from `lang`. */
  kind: string;
  region?: string;
  dateline?: string;
  date: ReleaseDate;
  modified?: ReleaseDate;
  /** Shown with "Updated …" (`modified`). */
  correction?: string;
  embargo?: ReleaseDate;
  status: ReleaseStatus;
  /** Present exactly when `status` is withdrawn. */
  withdrawal?: Withdrawal;
  /** IANA zone to show times in, e.g. `Europe/Brussels`. */
  timezone?: string;
  summary?: string;
  organization?: Organization;
  contacts: Contact[];
  /** Markdown. */
  boilerplate?: string;
  assets: AssetRef[];
  tags: string[];
  /** The release's own data for its theme (`extra:`), as written; `{}` when none. */
  extra: ExtraData;
  /** Markdown body. */
  body: string;
  /** 1-based line of the body's first line in the source file. */
  bodyLine: number;
  /** The project's labels for this release's language (config `labels:`), often none. */
  labelOverrides?: LabelOverrides;
  /** Line of a frontmatter field in the source file, for messages from later stages. */
  lineOf(path: readonly (string | number)[]): number | undefined;
}

/** Project-wide settings after merging config file and options. */
export interface ProjectSettings {
  /** Absolute project root: nothing may be read from outside it. */
  root: string;
  paper: PaperSize;
  vcardVersion: VcardVersion;
  /** Mark non-ASCII vCard 3.0 values `CHARSET=UTF-8`, for Outlook (see contacts/vcard.ts). */
  vcardCharset: boolean;
  baseUrl?: string;
  maxAssetBytes: number;
  /** Absolute path of a folder whose templates override the default theme file by file. */
  templateDir?: string;
}

/** One language of a release published in several. */
export interface Translation {
  slug: string;
  lang: string;
}

/**
 * The languages of one release: the files of a translation folder (`releases/x/en.md`,
 * `fr.md`…) that are valid releases, one per language, in order of their tags.
 */
export interface TranslationSet {
  /** The slug of the version the others translate: the one in the project's language. */
  original: string;
  members: Translation[];
}
