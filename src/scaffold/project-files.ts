import { SCHEMA_FILES } from '../json-schema/generate.js';
import { PACKAGE_NAME, VERSION } from '../version.js';
import { yamlValue } from './release-text.js';

/** Where `init` puts the JSON Schemas for editors, inside the project. */
export const SCHEMA_DIR = '.presskit/schema';
export const CONFIG_SCHEMA_PATH = `${SCHEMA_DIR}/${SCHEMA_FILES.config}`;

export interface ProjectWords {
  organization: string;
  pressOffice: string;
  lang: string;
  timezone: string;
}

/** `presskit.config.yaml`, every key explained; the optional ones commented out. */
export function configSource({ organization, pressOffice, lang, timezone }: ProjectWords): string {
  return `# yaml-language-server: $schema=${CONFIG_SCHEMA_PATH}
# presskit's settings for this project. Every key is optional; a release's frontmatter wins
# over them, and command-line flags win over both. The README ("Project config") has them all.

# The organisation publishing the releases: masthead, JSON-LD, PDF metadata, contact cards.
organization:
  name: ${yamlValue(organization)}
  url: https://www.example.org
  # logo: brand/logo.svg  # an image inside this folder

# Press contacts added to every release (a release may list its own as well). A contact
# needs a name, or only an organization for a press office; phones are international.
contacts:
  - organization: ${yamlValue(pressOffice)}
    email: press@example.org
    # phone: +32 2 555 01 00

# The project's language (BCP 47: fr, en, es, fr-BE): the newsroom's, and the original of
# a release written in several (releases/<name>/en.md, fr.md…). Each release names its
# own with lang:, which presskit new --lang writes.
lang: ${lang}

# The project's time zone: today's date for presskit new, and the zone a release's times
# are shown in when it names none.
timezone: ${yamlValue(timezone)}

# The "About" paragraph closing every release, in Markdown; or one per language (fr: …).
# boilerplate: |
#   ${organization} is …

# paper: A4  # or Letter
# out: dist  # the output folder (kept out of git by .gitignore)
# baseUrl: https://press.example.org/  # its public address: canonical and social links
`;
}

export const GITIGNORE = `# presskit's output folder (out: in presskit.config.yaml): kits are built, not committed.
/dist/
node_modules/
`;

/** The YAML extension (and any editor's yaml-language-server) validates the config. */
export const VSCODE_SETTINGS = `${JSON.stringify(
  {
    'yaml.schemas': {
      [`./${CONFIG_SCHEMA_PATH}`]: ['presskit.config.yaml', 'presskit.config.yml'],
    },
  },
  null,
  2,
)}\n`;

export const VSCODE_EXTENSIONS = `${JSON.stringify({ recommendations: ['redhat.vscode-yaml'] }, null, 2)}\n`;

/**
 * A CI workflow: check (problems as annotations), build, keep the kits as an artifact.
 * It installs the presskit that wrote it, so CI builds with the version tried locally.
 */
export function workflowSource(): string {
  return `# Checks the releases and builds their press kits on every push and pull request;
# the kits are kept as the run's artifact "press-kits" (a zip per kit, and the newsroom).
name: press kits

on:
  push:
  pull_request:
  workflow_dispatch:

permissions:
  contents: read

jobs:
  kits:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - name: Install presskit
        run: npm install --global ${PACKAGE_NAME}@${VERSION}
      - name: Check the releases
        run: presskit check --format github
      - name: Build the kits
        run: presskit build
      - name: Keep the kits
        uses: actions/upload-artifact@v4
        with:
          name: press-kits
          path: dist/
          if-no-files-found: error
`;
}
