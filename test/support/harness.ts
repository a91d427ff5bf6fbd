/**
 * Builds the real app in process (yoga.fetch, no port) on a real database and the real
 * yahoo-finance2 client pointed at the local Yahoo test server.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type App, createApp } from '../../src/app.ts';
import { parseConfig } from '../../src/config.ts';
import { type Logger, silentLogger } from '../../src/observability/logger.ts';
import { createServices, type Services } from '../../src/services.ts';
import { createTestDatabase } from './mysql.ts';

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface Harness {
  app: App;
  services: Services;
  /** SQL statements sent since the last `resetQueries()`. */
  queries: string[];
  resetQueries(): void;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  databaseUrl: string;
  yahooUrl?: string;
  env?: Record<string, string>;
  now?: () => number;
  /** Default: silent. */
  logger?: Logger;
}

export async function createHarness(options: HarnessOptions): Promise<Harness> {
  const config = parseConfig({
    DATABASE_URL: options.databaseUrl,
    WARM_ON_START: 'false',
    YAHOO_BASE_URL: options.yahooUrl,
    YAHOO_TIMEOUT_MS: '10000',
    YAHOO_RETRIES: '2',
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  const queries: string[] = [];
  const services = createServices(config, options.logger ?? silentLogger, {
    now: options.now,
    onQuery: (sql) => queries.push(sql),
  });
  await services.migrate();
  const app = createApp({ services });
  return {
    app,
    services,
    queries,
    resetQueries: () => {
      queries.length = 0;
    },
    async gql(query, variables, headers) {
      const response = await app.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResponse<never>;
    },
    close: () => services.dispose(),
  };
}

export interface Storage {
  name: 'sqlite' | 'mysql';
  /** A fresh, empty database URL. */
  freshUrl(label: string): Promise<string>;
}

/** SQLite always; MySQL when TEST_DATABASE_URL is set (a visible notice otherwise). */
export function storages(suite: string): Storage[] {
  const list: Storage[] = [
    {
      name: 'sqlite',
      freshUrl: async () => `file:${join(mkdtempSync(join(tmpdir(), 'bt-')), 'test.db')}`,
    },
  ];
  const base = process.env.TEST_DATABASE_URL;
  if (base) {
    list.push({
      name: 'mysql',
      freshUrl: (label) => createTestDatabase(base, `t_${suite}_${label}`.slice(0, 64)),
    });
  } else if (process.env.CI === 'true') {
    throw new Error('TEST_DATABASE_URL must be set on CI');
  } else {
    console.warn(`[${suite}] TEST_DATABASE_URL is not set: MySQL variants are skipped.`);
  }
  return list;
}
