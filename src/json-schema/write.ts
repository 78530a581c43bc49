import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { asWriteError } from '../output/write-error.js';
import type { JsonSchema } from './generate.js';
import { SCHEMA_FILES, configJsonSchema, releaseJsonSchema } from './generate.js';

export type SchemaName = keyof typeof SCHEMA_FILES;

/** The schema as the files hold it and `presskit schema` prints it. */
export function schemaText(name: SchemaName): string {
  const schema: JsonSchema = name === 'release' ? releaseJsonSchema() : configJsonSchema();
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/**
 * Writes the named schemas (default: both) into `dir` as `release.schema.json` and
 * `config.schema.json`, replacing earlier ones: they are generated, never edited. Each file
 * is written beside its place and renamed into it, so an editor never reads half of one.
 */
export async function writeSchemaFiles(
  dir: string,
  names: readonly SchemaName[] = ['release', 'config'],
): Promise<string[]> {
  const folder = resolve(dir);
  const written: string[] = [];
  try {
    await mkdir(folder, { recursive: true });
  } catch (error) {
    throw asWriteError(error, folder);
  }
  for (const name of names) {
    const file = join(folder, SCHEMA_FILES[name]);
    const temporary = `${file}.${process.pid}.tmp`;
    try {
      await writeFile(temporary, schemaText(name));
      await rename(temporary, file);
    } catch (error) {
      await rm(temporary, { force: true });
      throw asWriteError(error, file);
    }
    written.push(file);
  }
  return written;
}
