/**
 * The behaviour every Repository must have, whatever its SQL dialect. Each test gets a repository
 * on an empty, not yet migrated database; the suite checks isMigrated() is false, then migrates.
 */
import { afterEach, beforeEach, describe } from 'vitest';
import type { Repository } from '../../src/db/repository.ts';
import { defineBarContract } from './contract/bars.ts';
import { defineCoverageContract } from './contract/coverage.ts';
import { defineJobContract } from './contract/jobs.ts';
import { defineLifecycleContract } from './contract/lifecycle.ts';
import { defineRunContract } from './contract/runs.ts';
import { defineStrategyContract } from './contract/strategies.ts';

export interface ContractTarget {
  repository: Repository;
  /** A DATABASE_URL that another process can open to reach the same database. */
  databaseUrl: string;
}

export type MakeRepo = (options: { onQuery: (sql: string) => void }) => Promise<ContractTarget>;

/** What each part of the contract sees: the current test's repository and the SQL it sent. */
export interface ContractContext {
  readonly repo: Repository;
  readonly databaseUrl: string;
  readonly queries: string[];
  /** isMigrated() on the empty database, before the suite's migrate(). */
  readonly migratedBeforeMigrate: boolean;
  /** Another repository on the same database (closed after the test). */
  open(): Promise<Repository>;
}

export function runRepositoryContract(name: string, makeRepo: MakeRepo): void {
  describe(`Repository contract: ${name}`, () => {
    let target: ContractTarget;
    let extra: Repository[] = [];
    let migratedBefore = true;
    const queries: string[] = [];
    const ctx: ContractContext = {
      get repo() {
        return target.repository;
      },
      get databaseUrl() {
        return target.databaseUrl;
      },
      queries,
      get migratedBeforeMigrate() {
        return migratedBefore;
      },
      async open() {
        const { createRepository } = await import('../../src/db/create-repository.ts');
        const repository = createRepository({ databaseUrl: target.databaseUrl });
        extra.push(repository);
        return repository;
      },
    };

    beforeEach(async () => {
      queries.length = 0;
      target = await makeRepo({ onQuery: (sql) => queries.push(sql) });
      migratedBefore = await target.repository.isMigrated();
      await target.repository.migrate();
      queries.length = 0;
    });

    afterEach(async () => {
      await Promise.all(extra.map((r) => r.close()));
      extra = [];
      await target.repository.close();
    });

    defineLifecycleContract(ctx);
    defineBarContract(ctx);
    defineCoverageContract(ctx);
    defineRunContract(ctx);
    defineStrategyContract(ctx);
    defineJobContract(ctx);
  });
}
