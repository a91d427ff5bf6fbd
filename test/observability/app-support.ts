/** The real app in process with a captured pino logger, on a fresh SQLite file. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { type App, createApp } from '../../src/app.ts';
import { parseConfig } from '../../src/config.ts';
import { createLogger } from '../../src/observability/logger.ts';
import { createServices, type Services } from '../../src/services.ts';
import { startYahooServer, type YahooServer } from '../support/yahoo-server.ts';

export interface LogLine {
  level: number;
  msg?: string;
  [key: string]: unknown;
}

export interface Answer<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export interface TestApp {
  app: App;
  services: Services;
  /** Every log line, parsed. */
  lines: LogLine[];
  /** Every log line as written. */
  raw: string[];
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<Answer<T>>;
  metricsText(): Promise<string>;
  close(): Promise<void>;
}

export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const config = parseConfig({
    DATABASE_URL: `file:${join(mkdtempSync(join(tmpdir(), 'bt-obs-')), 'test.db')}`,
    WARM_ON_START: 'false',
    YAHOO_TIMEOUT_MS: '10000',
    YAHOO_RETRIES: '0',
    ...env,
  });
  const raw: string[] = [];
  const lines: LogLine[] = [];
  const logger = createLogger('info', {
    write: (line: string) => {
      raw.push(line);
      lines.push(JSON.parse(line) as LogLine);
    },
  });
  const services = createServices(config, logger);
  await services.migrate();
  const app = createApp({ services });
  return {
    app,
    services,
    lines,
    raw,
    async gql(query, variables, headers) {
      const response = await app.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Omit<Answer, 'status' | 'headers'>;
      return { status: response.status, headers: response.headers, ...body } as never;
    },
    async metricsText() {
      return (await app.fetch('http://localhost/metrics')).text();
    },
    close: () => services.dispose(),
  };
}

/** The value of one sample in Prometheus text format (0 when absent). */
export function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const labelText = /\{([^}]*)\}/.exec(line)?.[1] ?? '';
    const present = Object.fromEntries(
      [...labelText.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]] as const),
    );
    // Every series carries the instance label; it counts only when asked for.
    if (labels.instance === undefined) delete present.instance;
    if (Object.entries(labels).every(([k, v]) => present[k] === v)) {
      if (Object.keys(present).length !== Object.keys(labels).length) continue;
      return Number(line.slice(line.lastIndexOf(' ') + 1));
    }
  }
  return 0;
}

/**
 * Suite hooks for tests of apps on the Yahoo test server: one server for the file, reset after
 * each test, and apps made by `app(env)` closed after each test.
 */
export function useAppsOnYahoo() {
  let yahoo: YahooServer;
  const apps: TestApp[] = [];
  beforeAll(async () => {
    yahoo = await startYahooServer({ recordedDir: null });
  });
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((a) => a.close()));
    yahoo.reset();
  });
  afterAll(async () => {
    await yahoo.close();
  });
  return {
    yahoo: () => yahoo,
    async app(env: Record<string, string> = {}) {
      const created = await createTestApp({ YAHOO_BASE_URL: yahoo.url, ...env });
      apps.push(created);
      return created;
    },
  };
}
