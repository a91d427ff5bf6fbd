/**
 * `npm run codegen`: prints the schema built from the code (sorted) to schema/schema.graphql and
 * generates typed documents for the dashboard operations in schema/operations/ into
 * schema/generated/ (with persisted-documents.json, their hashes). CI runs it and fails when the committed files differ.
 */
import { writeFileSync } from 'node:fs';
import { generate } from '@graphql-codegen/cli';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from './src/graphql/schema.ts';

const root = import.meta.dirname;
const schemaFile = `${root}/schema/schema.graphql`;

writeFileSync(schemaFile, `${printSchema(lexicographicSortSchema(buildSchema()))}\n`);

await generate(
  {
    schema: schemaFile,
    documents: [`${root}/schema/operations/*.graphql`],
    silent: true,
    generates: {
      [`${root}/schema/generated/`]: {
        preset: 'client',
        // persisted-documents.json: sha256 → document, the only operations a deployment with
        // PERSISTED_OPERATIONS_ONLY=true runs (the dashboard sends their hashes).
        presetConfig: { fragmentMasking: false, persistedDocuments: { hashAlgorithm: 'sha256' } },
        config: {
          scalars: { Date: 'string', JSONObject: 'Record<string, unknown>' },
          enumsAsTypes: true,
          useTypeImports: true,
          importExtension: '.ts',
        },
      },
    },
  },
  true,
);
process.stdout.write('schema/schema.graphql and schema/generated/ are up to date\n');
