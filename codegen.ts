import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents for the web app, generated from the checked-in schema (never from a running
 * server, so CI can tell when code, schema and client disagree).
 */
const config: CodegenConfig = {
  schema: './schema/schema.graphql',
  documents: 'web/src/**/*.graphql',
  ignoreNoDocuments: false,
  generates: {
    'web/src/gql/': {
      preset: 'client',
      // Fragments are plain shapes here; masking would add a useFragment call at every read.
      presetConfig: { fragmentMasking: false },
      config: {
        // vue-tsc runs with verbatimModuleSyntax: type-only imports must say so.
        useTypeImports: true,
        enumType: 'string-literal',
        scalars: { DateTimeISO: 'string', JSONObject: 'Record<string, unknown>' },
        strictScalars: true,
        skipTypeNameForRoot: true,
      },
    },
  },
};

export default config;
