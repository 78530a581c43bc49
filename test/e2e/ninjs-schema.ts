import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { REPO } from './helpers.js';

/** IPTC's ninjs 3.1 schema (test/fixtures/ninjs), compiled: validate a document with it. */
export async function ninjsValidator(): Promise<{
  validate: (doc: unknown) => boolean;
  errors: () => string;
}> {
  const schema: unknown = JSON.parse(
    await readFile(join(REPO, 'test/fixtures/ninjs/ninjs-schema_3.1.json'), 'utf8'),
  );
  const ajv = new Ajv2020.default({ strict: false, allErrors: true });
  addFormats.default(ajv);
  // The schema refers to GeoJSON's for a place's geometry, which presskit never writes;
  // the tests run offline, so that one reference is answered by an open schema.
  ajv.addSchema({ $id: 'https://geojson.org/schema/GeoJSON.json', type: 'object' });
  const compiled = ajv.compile(schema as object);
  return {
    validate: (doc) => compiled(doc),
    errors: () => ajv.errorsText(compiled.errors),
  };
}
