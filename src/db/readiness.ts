import type { Repository } from './repository.ts';

export interface ReadinessReport {
  ready: boolean;
  database: 'ok' | 'unreachable' | 'not-migrated';
}

/**
 * Readiness: the database answers within `timeoutMs` and every migration is applied.
 * Once migrations are seen applied they are not checked again (they cannot be un-applied
 * by this process), so a ready probe costs one trivial query.
 */
export function createReadiness(repository: Repository, timeoutMs: number) {
  let migrated = false;
  return {
    /** Whether migrations are known to be applied (by this process, or seen by a check). */
    migrated: (): boolean => migrated,
    /** Records that this process applied the migrations. */
    markMigrated(): void {
      migrated = true;
    },
    async check(): Promise<ReadinessReport> {
      try {
        await repository.ping(timeoutMs);
      } catch {
        return { ready: false, database: 'unreachable' };
      }
      if (!migrated) {
        try {
          migrated = await repository.isMigrated();
        } catch {
          return { ready: false, database: 'unreachable' };
        }
      }
      return migrated ? { ready: true, database: 'ok' } : { ready: false, database: 'not-migrated' };
    },
  };
}

export type Readiness = ReturnType<typeof createReadiness>;
