import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The one rule of direction (ARCHITECTURE.md): the CLI uses the library's public API; the
 * library never imports the CLI; the stages never import the orchestrator (pipeline/) or the
 * public entry that re-exports it.
 */
const STAGES =
  'release|markdown|locale|html|pdf|browser|text|contacts|assets|bundle|output|incremental|newsroom|project|json-schema|scaffold|import|preview|wire|feeds|doctor|media';
const noCli = {
  regex: '^(\\.\\.?/)+(\\.\\./)*cli(/|\\.js$)',
  message: 'the library never imports the CLI (ARCHITECTURE.md)',
};
const direction = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  {
    ignores: ['lib/', 'bundled/', 'dist/', 'node_modules/', 'coverage/', 'test/fixtures/', 'tmp/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      // Input sanitising matches control characters on purpose.
      'no-control-regex': 'off',
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='exit']",
          message: 'process.exit is called only in bin/presskit.js',
        },
      ],
    },
  },
  {
    files: ['bin/**/*.js', 'bench/**/*.js', '*.cjs', '*.js'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        module: 'writable',
        URL: 'readonly',
        fetch: 'readonly',
        TextDecoder: 'readonly',
        setTimeout: 'readonly',
      },
    },
  },
  {
    // A stand-in for a CommonJS library, in CommonJS (rolldown.config.js).
    files: ['scripts/bundle/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/cli/**', 'src/pipeline/**', 'src/index.ts'],
    rules: direction(noCli, {
      regex: '^(\\.\\./)+(pipeline/|index\\.js$)',
      message: 'a stage never imports the orchestrator or the public entry (ARCHITECTURE.md)',
    }),
  },
  { files: ['src/pipeline/**/*.ts', 'src/index.ts'], rules: direction(noCli) },
  {
    files: ['src/cli/**/*.ts'],
    rules: direction({
      regex: `^(\\.\\./)+(pipeline|${STAGES})/`,
      message:
        'the CLI calls the library through its public API (../index.js), not its stages (ARCHITECTURE.md)',
    }),
  },
);
