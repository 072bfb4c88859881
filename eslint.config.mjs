// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import vue from 'eslint-plugin-vue';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const layers = 'Modules depend on shared/ or on interfaces they own; server/ builds them (docs/architecture.md).';
// A path with a `server` directory in it; \u002F is '/', which esquery's regex cannot hold.
const serverPath = '/(^|\\u002F)server(\\u002F|$)/';
// MikroORM keeps a transaction, a flush or a counted find in an AsyncLocalStorage: on Node 20 its first use turns
// on promise hooks for the whole process for good (api/src/db/transaction.ts says what they cost).
const asyncContext = {
  selector: "CallExpression[callee.property.name=/^(transactional|flush|persistAndFlush|findAndCount)$/][callee.object.type!='ThisExpression']",
  message: 'Use transaction(em, work) from db/transaction.ts and SQL: MikroORM keeps these in an AsyncLocalStorage, which turns on promise hooks for every request.',
};

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'web/src/gql/**', 'client/src/gql/**', 'tests/artifacts/**', '.data/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  // The web app runs in the browser, where `process` and the like are not there at run time.
  { ignores: ['web/src/**'], languageOptions: { globals: globals.node } },
  { files: ['web/src/**'], languageOptions: { globals: globals.browser } },
  // Its functions run inside the Playwright page (addInitScript, evaluate).
  { files: ['bench/monitor-screen.mjs'], languageOptions: { globals: globals.browser } },
  {
    rules: {
      // Unused names are mistakes, except a leading underscore, which says "deliberately unused" (type-graphql args).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Tests read GraphQL answers as plain JSON and assert them by value; typing each answer would add nothing.
    files: ['tests/**/*.ts', 'bench/**/*.mjs'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['api/src/**/*.ts'],
    ignores: ['api/src/db/transaction.ts'],
    rules: { 'no-restricted-syntax': ['error', asyncContext] },
  },
  {
    // The layers of docs/architecture.md: modules take Context and Deps from shared/; server/ builds them.
    files: ['api/src/modules/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/server/*', '**/server'], message: layers }] }],
      // no-restricted-imports does not see import('…') or typeof import('…').
      'no-restricted-syntax': [
        'error',
        { selector: `ImportExpression[source.value=${serverPath}]`, message: layers },
        { selector: `TSImportType[argument.literal.value=${serverPath}]`, message: layers },
        asyncContext,
      ],
    },
  },
  prettier,
);
