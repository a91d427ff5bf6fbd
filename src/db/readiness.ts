import type { Repository } from './repository.ts';

export type Dependency = 'database' | 'migrations' | 'cache';

export interface ReadinessReport {
  /** The database answers and is migrated: requests can be served. */
  ready: boolean;
  database: 'ok' | 'unreachable' | 'not-migrated';
  /** The shared Redis (CACHE_URL); absent when none is configured. */
  cache?: 'ok' | 'unreachable';
  /**
   * What is missing. The database and its migrations make an instance unready; without the
   * cache it still serves (each instance alone: no shared cache, single flight or rate limit).
   */
  missing: Dependency[];
}

/**
 * Readiness: the database answers within `timeoutMs` and every migration is applied.
 * Once migrations are seen applied they are not checked again (they cannot be un-applied
 * by this process), so a ready probe costs one trivial query (and a PING with a shared cache).
 */
export function createReadiness(
  repository: Repository,
  timeoutMs: number,
  cacheReachable?: () => Promise<boolean>,
) {
  let migrated = false;
  const checkDatabase = async (): Promise<ReadinessReport['database']> => {
    try {
      await repository.ping(timeoutMs);
    } catch {
      return 'unreachable';
    }
    if (!migrated) {
      try {
        migrated = await repository.isMigrated();
      } catch {
        return 'unreachable';
      }
    }
    return migrated ? 'ok' : 'not-migrated';
  };
  return {
    /** Whether migrations are known to be applied (by this process, or seen by a check). */
    migrated: (): boolean => migrated,
    /** Records that this process applied the migrations. */
    markMigrated(): void {
      migrated = true;
    },
    async check(): Promise<ReadinessReport> {
      const [database, cacheUp] = await Promise.all([checkDatabase(), cacheReachable?.().catch(() => false)]);
      const missing: Dependency[] = [];
      if (database === 'unreachable') missing.push('database');
      if (database === 'not-migrated') missing.push('migrations');
      if (cacheUp === false) missing.push('cache');
      return {
        ready: database === 'ok',
        database,
        ...(cacheUp === undefined ? {} : { cache: cacheUp ? 'ok' : 'unreachable' }),
        missing,
      };
    },
  };
}

export type Readiness = ReturnType<typeof createReadiness>;
