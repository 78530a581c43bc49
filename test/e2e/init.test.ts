import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO, expectValidKit, foldSpaces, makeProject, run, runCli } from './helpers.js';

const PROJECT_FILES = [
  '.github/workflows/presskit.yml',
  '.gitignore',
  '.presskit/schema/config.schema.json',
  '.presskit/schema/release.schema.json',
  '.vscode/extensions.json',
  '.vscode/settings.json',
  'presskit.config.yaml',
  'releases/first-release.md',
];

async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort();
}

/** Every file's bytes and modification time: what "never overwrites" must leave alone. */
async function snapshot(root: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const path of await filesUnder(root)) {
    const file = join(root, path);
    files[path] = `${(await stat(file)).mtimeMs} ${await readFile(file, 'base64')}`;
  }
  return files;
}

function strictValidator(schema: object): (data: unknown) => boolean {
  const ajv = new Ajv2020({ strict: true, strictRequired: false, allowUnionTypes: true });
  return ajv.compile(schema);
}

describe('presskit init', () => {
  it('sets up a project that checks and builds as it is, and says what it created', async () => {
    const parent = await makeProject();
    const result = await runCli(['init', 'press'], { cwd: parent });
    expect(result.code, result.stderr).toBe(0);
    const root = join(parent, 'press');
    expect(await filesUnder(root)).toEqual(PROJECT_FILES);
    for (const path of PROJECT_FILES) expect(result.stderr).toContain(`created ${path}\n`);
    expect(result.stderr).toContain('  cd press\n');
    expect(result.stdout).toBe('');

    const check = await runCli(['check'], { cwd: root });
    expect(check.code, check.stderr).toBe(0);
    expect(check.stderr).toBe('1 release(s) checked, no problems\n');
    const build = await runCli(['build', '--quiet'], { cwd: root });
    expect(build.code, build.stderr).toBe(0);
    await expectValidKit(join(root, 'dist'), 'first-release');
    const pdf = await run('pdftotext', [join(root, 'dist/first-release/first-release.pdf'), '-']);
    expect(foldSpaces(pdf.stdout)).toContain('Example Organisation opens its online newsroom');
    // The config's press office reaches the kit by reference: a card of its own.
    const card = await readFile(
      join(root, 'dist/first-release/contacts/example-organisation-press-office.vcf'),
      'utf8',
    );
    expect(card).toContain('EMAIL;TYPE=INTERNET,WORK:press@example.org');
  });

  it('never replaces a file: run again, it keeps every one and changes nothing', async () => {
    const root = await makeProject();
    expect((await runCli(['init'], { cwd: root })).code).toBe(0);
    const before = await snapshot(root);
    const again = await runCli(['init', '--lang', 'fr', '--org', 'Other'], { cwd: root });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).not.toContain('created');
    expect(again.stderr).toContain('kept    presskit.config.yaml (exists)\n');
    expect(again.stderr).toContain(
      'kept    releases/ (exists; it holds releases: no example added)',
    );
    expect(await snapshot(root)).toEqual(before);
  });

  it('keeps what a project has, says what to add, and adds no example beside its releases', async () => {
    const root = await makeProject({
      'presskit.config.yml': 'paper: Letter\n',
      '.gitignore': 'node_modules/\n',
      '.vscode/settings.json': '{ "editor.wordWrap": "on" }\n',
      'releases/2026/ours.md': '---\ntitle: Ours\nlang: en\ndate: 2026-11-27\n---\n\nBody.\n',
    });
    const before = await snapshot(root);
    const result = await runCli(['init'], { cwd: root });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('kept    presskit.config.yml (exists)\n');
    expect(result.stderr).toContain(
      'kept    .gitignore (exists; add /dist/ to it: kits are built, not committed)\n',
    );
    expect(result.stderr).toContain(
      'kept    .vscode/settings.json (exists; to validate the config, map ./.presskit/schema/config.schema.json to presskit.config.yaml under "yaml.schemas")\n',
    );
    expect(result.stderr).toContain('created .github/workflows/presskit.yml\n');
    // Only a second config would have been worse than none: presskit would read it instead.
    const after = await filesUnder(root);
    expect(after).not.toContain('presskit.config.yaml');
    expect(after.filter((path) => path.startsWith('releases/'))).toEqual(['releases/2026/ours.md']);
    const now = await snapshot(root);
    for (const [path, content] of Object.entries(before)) expect(now[path], path).toBe(content);
  });

  it('writes in the project’s language, for the organisation named', async () => {
    const root = await makeProject();
    const result = await runCli(['init', '--lang', 'fr', '--org', 'OIM Belgique'], { cwd: root });
    expect(result.code, result.stderr).toBe(0);
    const config = parse(await readFile(join(root, 'presskit.config.yaml'), 'utf8'));
    expect(config.organization.name).toBe('OIM Belgique');
    expect(config.lang).toBe('fr');
    expect(config.contacts).toEqual([
      { organization: 'Service de presse, OIM Belgique', email: 'press@example.org' },
    ]);
    const release = await readFile(join(root, 'releases/premier-communique.md'), 'utf8');
    expect(release).toMatch(/^title: OIM Belgique ouvre sa salle de presse en ligne$/m);
    expect(release).toMatch(/^lang: fr$/m);
    expect(release).toContain('« Ceci est une citation d’exemple');
    expect((await runCli(['check'], { cwd: root })).code).toBe(0);

    const german = await runCli(['init', 'de', '--lang', 'de'], { cwd: root });
    expect(german.code, german.stderr).toBe(0);
    expect(german.stderr).toContain(
      'note: no example text in de: the example release is in English',
    );
    expect(await readFile(join(root, 'de/presskit.config.yaml'), 'utf8')).toMatch(/^lang: de$/m);

    // Arabic, one of the organisation's four languages, has its own example, which checks.
    const arabic = await runCli(['init', 'ar', '--lang', 'ar', '--org', 'المنظمة الدولية للهجرة'], {
      cwd: root,
    });
    expect(arabic.code, arabic.stderr).toBe(0);
    expect(arabic.stderr).not.toContain('note: no example text');
    const arabicRelease = await readFile(join(root, 'ar/releases/first-release.md'), 'utf8');
    expect(arabicRelease).toMatch(/^lang: ar$/m);
    expect(arabicRelease).toContain('افتتحت المنظمة الدولية للهجرة اليوم');
    expect(arabicRelease).toContain('«هذا اقتباس على سبيل المثال');
    const arabicCheck = await runCli(['check'], { cwd: join(root, 'ar') });
    expect(arabicCheck.code, arabicCheck.stderr).toBe(0);
  });

  it('refuses a bad flag before writing anything', async () => {
    const root = await makeProject();
    const result = await runCli(['init', 'press', '--lang', 'english', '--org', ' '], {
      cwd: root,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'presskit: --lang: "english" is not a BCP 47 language tag (e.g. fr, en, fr-BE)\n' +
        'presskit: --org: must not be empty\n',
    );
    expect(await filesUnder(root)).toEqual([]);
  });

  it('says so, in one line, where it cannot write', async () => {
    const root = await makeProject({ 'a-file': 'x' });
    const onFile = await runCli(['init', 'a-file'], { cwd: root });
    expect(onFile.code).toBe(2);
    expect(onFile.stderr).toMatch(/^presskit: .*a-file: is a file, not a folder\n$/);
    const under = await runCli(['init', 'a-file/press'], { cwd: root });
    expect(under.code).toBe(2);
    expect(under.stderr).toMatch(/^presskit: a-file\/press: cannot write \(.*\)\n$/);
  });
});

describe('what init sets up for editors and CI', () => {
  it('points the YAML extension and the modeline at the schemas presskit ships', async () => {
    const root = await makeProject();
    expect((await runCli(['init'], { cwd: root })).code).toBe(0);
    for (const name of ['release.schema.json', 'config.schema.json']) {
      expect(await readFile(join(root, '.presskit/schema', name), 'utf8')).toBe(
        await readFile(join(REPO, 'schema', name), 'utf8'),
      );
    }
    const settings = JSON.parse(await readFile(join(root, '.vscode/settings.json'), 'utf8'));
    const [[schemaPath, globs]] = Object.entries(settings['yaml.schemas']) as [[string, string[]]];
    expect(globs).toContain('presskit.config.yaml');
    const configText = await readFile(join(root, 'presskit.config.yaml'), 'utf8');
    const modeline = /^# yaml-language-server: \$schema=(.+)$/m.exec(configText)?.[1];
    // Both name the same file, the modeline relative to the config, the setting to the root.
    expect(join(root, schemaPath)).toBe(join(root, modeline ?? 'missing'));
    const configSchema = JSON.parse(await readFile(join(root, schemaPath), 'utf8'));
    expect(strictValidator(configSchema)(parse(configText))).toBe(true);

    const releaseSchema = JSON.parse(
      await readFile(join(root, dirname(schemaPath), 'release.schema.json'), 'utf8'),
    );
    const release = await readFile(join(root, 'releases/first-release.md'), 'utf8');
    const frontmatter = /^---\n([\s\S]*?)\n---\n/.exec(release)?.[1] ?? '';
    expect(strictValidator(releaseSchema)(parse(frontmatter))).toBe(true);
  });

  it('writes a CI workflow whose presskit steps pass in the project', async () => {
    const root = await makeProject();
    expect((await runCli(['init'], { cwd: root })).code).toBe(0);
    const workflow = parse(await readFile(join(root, '.github/workflows/presskit.yml'), 'utf8'));
    const steps: { run?: string; uses?: string; with?: { path?: string } }[] =
      workflow.jobs.kits.steps;
    const pkg = JSON.parse(await readFile(join(REPO, 'package.json'), 'utf8'));
    expect(steps.map((step) => step.run).filter(Boolean)).toEqual([
      `npm install --global ${pkg.name}@${pkg.version}`,
      'presskit check --format github',
      'presskit build',
    ]);
    for (const step of steps) {
      if (!step.run?.startsWith('presskit ')) continue;
      const result = await runCli(step.run.split(' ').slice(1), { cwd: root });
      expect(result.code, `${step.run}: ${result.stderr}`).toBe(0);
    }
    const upload = steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'));
    const uploaded = await filesUnder(join(root, upload?.with?.path ?? 'missing'));
    expect(uploaded).toContain('first-release.zip');
    expect(uploaded).toContain('index.html');
  });
});

describe('the project init makes, kept out of git', () => {
  it('ignores the output folder and nothing presskit reads', async () => {
    const root = await makeProject();
    expect((await runCli(['init'], { cwd: root })).code).toBe(0);
    expect((await run('git', ['init', '-q'], root)).code).toBe(0);
    expect((await runCli(['build', '--quiet'], { cwd: root })).code).toBe(0);
    await writeFile(join(root, 'notes.txt'), 'x');
    const status = await run('git', ['status', '--porcelain', '--untracked-files=all'], root);
    const listed = status.stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => line.slice(3))
      .sort();
    expect(listed).toEqual([...PROJECT_FILES, 'notes.txt'].sort());
  });
});
