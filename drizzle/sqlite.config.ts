// SQLite migrations. Regenerate after editing src/db/sqlite/schema.ts:
//   npx drizzle-kit generate --config drizzle/sqlite.config.ts
// The repository's migrate() applies them.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './src/db/sqlite/schema.ts',
  out: './drizzle/sqlite',
  strict: true,
});
