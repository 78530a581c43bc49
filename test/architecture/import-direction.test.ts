/**
 * The lint step enforces ARCHITECTURE.md's rule of direction. These run ESLint, with the
 * project's own config, on code that breaks the rule, as if it were a file of each folder.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const eslint = new ESLint({ cwd: REPO });

async function restrictedImports(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(REPO, file) });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message);
}

describe('the rule of direction, as the lint step enforces it', () => {
  it('fails a stage that imports the CLI', async () => {
    const problems = await restrictedImports(
      'src/markdown/uses-cli.ts',
      "import { EXIT } from '../cli/exit-codes.js';\nexport const code = EXIT.ok;\n",
    );
    expect(problems).toEqual([expect.stringMatching(/the library never imports the CLI/)]);
  });

  it('fails a stage that imports the orchestrator, or the public entry that re-exports it', async () => {
    const pipeline = await restrictedImports(
      'src/contacts/uses-pipeline.ts',
      "import type { BuildOptions } from '../pipeline/options.js';\nexport type X = BuildOptions;\n",
    );
    expect(pipeline).toEqual([expect.stringMatching(/never imports the orchestrator/)]);
    const entry = await restrictedImports(
      'src/html/uses-entry.ts',
      "import { build } from '../index.js';\nexport const b = build;\n",
    );
    expect(entry).toEqual([expect.stringMatching(/never imports the orchestrator/)]);
  });

  it('fails the orchestrator importing the CLI', async () => {
    const problems = await restrictedImports(
      'src/pipeline/uses-cli.ts',
      "import { createOutput } from '../cli/output.js';\nexport const o = createOutput;\n",
    );
    expect(problems).toEqual([expect.stringMatching(/never imports the CLI/)]);
  });

  it('fails the CLI reaching past the public API into a stage', async () => {
    const problems = await restrictedImports(
      'src/cli/uses-stage.ts',
      "import { renderMarkdown } from '../markdown/render.js';\nexport const r = renderMarkdown;\n",
    );
    expect(problems).toEqual([expect.stringMatching(/through its public API/)]);
    const fromCommand = await restrictedImports(
      'src/cli/commands/uses-stage.ts',
      "import { loadConfig } from '../../project/config.js';\nexport const l = loadConfig;\n",
    );
    expect(fromCommand).toEqual([expect.stringMatching(/through its public API/)]);
  });

  it('lets each part import what it may', async () => {
    const allowed: Record<string, string> = {
      'src/cli/ok.ts': "import { build } from '../index.js';\nexport const b = build;\n",
      'src/pipeline/ok.ts':
        "import { renderMarkdown } from '../markdown/render.js';\nexport const r = renderMarkdown;\n",
      'src/html/ok.ts':
        "import { escapeHtml } from './escape.js';\nimport { labelsFor } from '../locale/i18n.js';\nexport const x = [escapeHtml, labelsFor];\n",
    };
    for (const [file, code] of Object.entries(allowed)) {
      expect(await restrictedImports(file, code), file).toEqual([]);
    }
  });
});
