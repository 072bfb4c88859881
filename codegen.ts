import type { CodegenConfig } from '@graphql-codegen/cli';

/** What both targets agree on: string-literal enums, the schema's scalars as JSON carries them. */
const shared = {
  enumType: 'string-literal',
  scalars: { DateTimeISO: 'string', JSONObject: 'Record<string, unknown>' },
  strictScalars: true,
  skipTypeNameForRoot: true,
} as const;

/**
 * Typed documents for the web app and for the TypeScript client, generated from the checked-in
 * schema (never from a running server, so CI can tell when code, schema and clients disagree).
 * Each target reads only its own documents: operation names may repeat between the two.
 */
const config: CodegenConfig = {
  schema: './schema/schema.graphql',
  ignoreNoDocuments: false,
  generates: {
    'web/src/gql/': {
      documents: 'web/src/**/*.graphql',
      preset: 'client',
      // Fragments are plain shapes here; masking would add a useFragment call at every read.
      presetConfig: { fragmentMasking: false },
      config: {
        // vue-tsc runs with verbatimModuleSyntax: type-only imports must say so.
        useTypeImports: true,
        ...shared,
      },
    },
    'client/src/gql/': {
      documents: 'client/src/**/*.graphql',
      preset: 'client',
      // The client hands plain objects to integrators: no fragment masking to undo.
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        // The client is ESM under Node's resolution: relative imports name their file.
        importExtension: '.js',
        ...shared,
      },
    },
  },
};

export default config;
