import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import { byLine, PresskitError } from '../errors.js';
import {
  bcp47,
  expected,
  ianaZone,
  markdown,
  optionalText,
  optionalWebUrl,
  rawContact,
  rawOrganization,
} from '../release/fields.js';
import { readText } from '../release/read-text.js';
import { labelOverridesSchema } from './label-overrides.js';
import type { ReleaseDefaults } from '../release/schema.js';
import { parseYaml } from '../release/yaml-source.js';
import { zodProblems } from '../release/zod-problems.js';
import type { PaperSize, VcardVersion } from '../types.js';

export const CONFIG_FILES = ['presskit.config.yaml', 'presskit.config.yml'];

const sizeWithUnit = optionalText.transform((value, context) => {
  if (value === undefined) return undefined;
  const match = /^(\d+(?:\.\d+)?)\s*(B|KB|MB|GB|KiB|MiB|GiB)?$/i.exec(value);
  if (!match) {
    context.addIssue({ code: 'custom', message: 'must be a size such as 20MB or 500KB' });
    return z.NEVER;
  }
  const units: Record<string, number> = {
    b: 1,
    kb: 1e3,
    mb: 1e6,
    gb: 1e9,
    kib: 1024,
    mib: 1024 ** 2,
    gib: 1024 ** 3,
  };
  return Math.round(Number(match[1]) * (units[(match[2] ?? 'b').toLowerCase()] ?? 1));
});

export const configSchema = z.strictObject(
  {
    organization: rawOrganization.optional(),
    contacts: z.array(rawContact, { error: expected('must be a list of contacts') }).optional(),
    boilerplate: z
      .union([markdown, z.record(z.string(), markdown)], {
        error: 'must be a text, or a mapping from language to text',
      })
      .optional(),
    paper: optionalText.refine(
      (value) => value === undefined || /^(a4|letter)$/i.test(value),
      'must be A4 or Letter',
    ),
    template: optionalText,
    out: optionalText,
    vcardVersion: optionalText.refine(
      (value) => value === undefined || /^[34](\.0)?$/.test(value),
      'must be 3.0 or 4.0',
    ),
    // YAML is read as text (no type surprises): the words, not a boolean.
    vcardCharset: optionalText.refine(
      (value) => value === undefined || /^(true|false)$/.test(value),
      'must be true or false',
    ),
    baseUrl: optionalWebUrl,
    maxAssetSize: sizeWithUnit,
    timezone: ianaZone,
    lang: bcp47.optional(),
    labels: labelOverridesSchema,
  },
  { error: expected('must be a YAML mapping of settings') },
);

/** The project config file, validated; every member optional. */
export interface ProjectConfig {
  file?: string;
  defaults: ReleaseDefaults;
  paper?: PaperSize;
  templateDir?: string;
  out?: string;
  vcardVersion?: VcardVersion;
  vcardCharset?: boolean;
  baseUrl?: string;
  maxAssetBytes?: number;
  /**
   * The project's language (BCP 47): the newsroom's, and the original of a release
   * published in several languages.
   */
  lang?: string;
}

/** The project's language: config `lang`, else English. */
export function projectLang(config: ProjectConfig): string {
  return config.lang ?? 'en';
}

/**
 * Reads the project's config: `file` when given (`--config`), else `presskit.config.yaml` at
 * the project root, if there is one. Its paths (`template`, `out`) are the root's.
 */
export async function loadConfig(root: string, file?: string): Promise<ProjectConfig> {
  const path =
    file ?? CONFIG_FILES.map((name) => join(root, name)).find((candidate) => existsSync(candidate));
  if (!path) return { defaults: { contacts: [] } };
  const display = relative(process.cwd(), path) || path;
  const source = parseYaml(await readText(path, display), display);
  const parsed = configSchema.safeParse(source.data ?? {});
  if (!parsed.success) {
    throw new PresskitError(
      'E_CONFIG',
      byLine(zodProblems(parsed.error, display, source, configSchema)),
    );
  }
  const config = parsed.data;
  return {
    file: path,
    defaults: {
      contacts: config.contacts ?? [],
      organizationBase: root,
      ...(config.organization ? { organization: config.organization } : {}),
      ...(config.boilerplate !== undefined ? { boilerplate: config.boilerplate } : {}),
      ...(config.timezone ? { timezone: config.timezone } : {}),
      ...(config.labels ? { labels: config.labels } : {}),
    },
    ...(config.paper ? { paper: config.paper.toLowerCase() === 'letter' ? 'Letter' : 'A4' } : {}),
    ...(config.template ? { templateDir: join(root, config.template) } : {}),
    ...(config.out ? { out: config.out } : {}),
    ...(config.vcardVersion
      ? { vcardVersion: config.vcardVersion.startsWith('4') ? '4.0' : '3.0' }
      : {}),
    ...(config.vcardCharset !== undefined ? { vcardCharset: config.vcardCharset === 'true' } : {}),
    ...(config.baseUrl ? { baseUrl: config.baseUrl.replace(/\/?$/, '/') } : {}),
    ...(config.maxAssetSize !== undefined ? { maxAssetBytes: config.maxAssetSize } : {}),
    ...(config.lang ? { lang: config.lang } : {}),
  };
}
