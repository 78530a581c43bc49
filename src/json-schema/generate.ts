import { z } from 'zod';
import { configSchema } from '../project/config.js';
import { frontmatterSchema } from '../release/schema.js';
import type { Keywords } from './field-docs.js';
import { BLOCK_KEYWORDS, CONFIG_FIELDS, RELEASE_FIELDS } from './field-docs.js';

/** A JSON Schema document (draft 2020-12), as plain JSON. */
export type JsonSchema = { [keyword: string]: unknown };

/** The file names `presskit schema --out` writes, and `init` points editors at. */
export const SCHEMA_FILES = {
  release: 'release.schema.json',
  config: 'config.schema.json',
} as const;

/** The frontmatter of a release, from the same zod schema `check` validates with. */
export function releaseJsonSchema(): JsonSchema {
  return editorSchema(frontmatterSchema, RELEASE_FIELDS, {
    title: 'presskit release frontmatter',
    description: 'The YAML frontmatter of a presskit press release (between the --- lines).',
  });
}

/** `presskit.config.yaml`, from the same zod schema presskit reads it with. */
export function configJsonSchema(): JsonSchema {
  return editorSchema(configSchema, CONFIG_FIELDS, {
    title: 'presskit project config',
    description: 'presskit.config.yaml: project-wide settings and defaults of every release.',
  });
}

/**
 * The zod schema's input side as JSON Schema, then made to see YAML as an editor reads it.
 * presskit reads YAML with the failsafe schema, where every scalar is text; an editor's
 * YAML server reads `4.0`, `+12126817000` or `true` as numbers and booleans, and an empty
 * value as null. So a text field here accepts any scalar (its pattern constrains texts
 * only), and an optional one accepts null too, as presskit takes an empty value for absent.
 */
function editorSchema(
  schema: z.ZodType,
  fields: Record<string, Keywords>,
  head: { title: string; description: string },
): JsonSchema {
  // `io: 'input'`: the schema of what is written, before the transforms run.
  const generated: JsonSchema = z.toJSONSchema(schema, {
    io: 'input',
    target: 'draft-2020-12',
    metadata: BLOCK_KEYWORDS,
  });
  // zod may share one object between the places a block is used: each gets its own.
  const body = structuredClone(generated);
  adapt(body, [], fields);
  const defs = body['$defs'];
  if (isObject(defs))
    for (const def of Object.values(defs)) if (isObject(def)) adapt(def, ['$defs'], fields);
  const { $schema, ...rest } = body;
  return { $schema, ...head, ...rest };
}

const SCALAR = ['string', 'number', 'boolean'];

function adapt(node: JsonSchema, path: string[], fields: Record<string, Keywords>): void {
  if (node['type'] === 'string') node['type'] = [...SCALAR];
  const keywords = fields[path.join('.')];
  if (keywords) Object.assign(node, structuredClone(keywords));
  const properties = node['properties'];
  if (isObject(properties)) {
    const required = new Set(Array.isArray(node['required']) ? node['required'] : []);
    for (const [name, child] of Object.entries(properties)) {
      if (!isObject(child)) continue;
      adapt(child, [...path, name], fields);
      if (!required.has(name)) allowEmpty(child);
    }
  }
  const items = node['items'];
  if (isObject(items)) adapt(items, path, fields);
  const values = node['additionalProperties'];
  if (isObject(values)) adapt(values, [...path, '*'], fields);
  const members = node['anyOf'];
  if (Array.isArray(members))
    for (const member of members) if (isObject(member)) adapt(member, path, fields);
}

/** An optional text may be left empty (`subtitle:`); an optional list or mapping may not. */
function allowEmpty(node: JsonSchema): void {
  const type = node['type'];
  if (Array.isArray(type) && type.includes('string') && !type.includes('null')) type.push('null');
  const members = node['anyOf'];
  if (Array.isArray(members))
    for (const member of members) if (isObject(member)) allowEmpty(member);
}

function isObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
