import { createRequire } from 'node:module';

/**
 * The graphql instance that yoga, Pothos and GraphQL Armor use: under Node, `graphql` resolves
 * to its CommonJS build for all of them. A test runner that bundles source files may resolve a
 * source file's `import 'graphql'` to the ESM build instead, a second copy whose classes fail
 * yoga's `instanceof GraphQLError` and graphql's own realm checks against the schema's types.
 * Loading it with `require` keeps the plugins on the same copy everywhere.
 */
export const graphql: typeof import('graphql') = createRequire(import.meta.url)('graphql');
