import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // One graphql instance: Node resolves `graphql` (no "exports") to its CommonJS main for
    // yoga, Pothos and GraphQL Armor, while Vite would prefer the "module" build for our files.
    // Two instances break `instanceof` checks (GraphQLError, "from another module or realm").
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: true,
  },
});
