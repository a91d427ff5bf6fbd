// MySQL / MariaDB migrations. Regenerate after editing src/db/mysql/schema.ts:
//   npx drizzle-kit generate --config drizzle/mysql.config.ts
// Apply them with the repository's migrate() (or `npm run cli -- migrate`); not with
// `drizzle-kit push`, which breaks on MariaDB composite primary keys.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'mysql',
  schema: './src/db/mysql/schema.ts',
  out: './drizzle/mysql',
  strict: true,
});
