/** Locating migration folders and comparing the journal with what a database has applied. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const MIGRATIONS_TABLE = '__drizzle_migrations';

/** The dialect's migrations folder, resolved from this file so the working directory never matters. */
export function migrationsFolder(dialect: 'mysql' | 'sqlite'): string {
  return fileURLToPath(new URL(`../../drizzle/${dialect}`, import.meta.url));
}

/** The `when` stamp of every journal entry (drizzle's migrator records it as `created_at`). */
export function journalMillis(folder: string): number[] {
  const journal = JSON.parse(readFileSync(`${folder}/meta/_journal.json`, 'utf8')) as {
    entries: { when: number }[];
  };
  return journal.entries.map((e) => e.when);
}

/**
 * Drizzle's migrator applies every journal entry newer than the last applied `created_at`;
 * the database is up to date when no such entry exists.
 */
export function isUpToDate(journal: readonly number[], applied: readonly number[]): boolean {
  if (journal.length === 0) return true;
  if (applied.length === 0) return false;
  const last = Math.max(...applied);
  return journal.every((when) => when <= last);
}
