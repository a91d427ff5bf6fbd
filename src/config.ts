import { z } from 'zod';
import type { ProviderSettings } from './market-data/create-provider.ts';
import { isTicker } from './market-data/ticker.ts';
import type { LogFormat } from './observability/log-format.ts';

/** The service's configuration, parsed once from the environment by `parseConfig`. */
export interface Config {
  server: { port: number; host: string };
  database: { url: string | undefined; poolSize: number; queueLimit: number };
  cache: { url: string | undefined; ttlHistoricalS: number; ttlRecentS: number; memoryMb: number };
  provider: ProviderSettings;
  warm: { onStart: boolean; tickers: string[]; years: number };
  limits: { maxTickers: number; maxRangeYears: number; maxOptimizeRuns: number };
  /**
   * Jobs: unset url → run in this process; a redis:// url → enqueued on BullMQ and run by
   * worker processes (`backtest-graphql worker`) sharing that Redis and the database.
   */
  queue: {
    url: string | undefined;
    /** BullMQ key prefix (one per deployment sharing a Redis). */
    prefix: string;
    /** Runs per chunk job: a larger sweep is split into chunks that several workers share. */
    chunkRuns: number;
    /** Chunk jobs one worker process runs at once (each on its own thread). */
    workerConcurrency: number;
    /** A worker's job lock; a chunk whose worker died is taken again after about this long. */
    lockMs: number;
  };
  /**
   * Jobs on the in-process queues of several instances (CACHE_URL set, QUEUE_URL unset): each
   * instance runs a job under its Redlock lease; a lapsed lease (its instance died) is taken over.
   */
  jobs: {
    /** A job lease's length: a dead instance's jobs are taken over after about this long. */
    leaseMs: number;
    /** Between two takeover sweeps (each lists the active jobs and tries the leases of others'). */
    takeoverIntervalMs: number;
  };
  adminToken: string | undefined;
  /** INSTANCE_ID: this instance's name in logs and metrics; unset: `hostname:pid` (see instanceName). */
  instanceId: string | undefined;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** LOG_FORMAT; unset: chosen by whether the output is a terminal (chooseLogFormat). */
  logFormat: LogFormat | undefined;
  observability: { slowOperationMs: number };
  http: { maxBodyBytes: number; requestTimeoutMs: number; rateLimitPerMinute: number; trustProxy: boolean };
  graphql: {
    introspection: boolean;
    maxDepth: number;
    maxAliases: number;
    maxTokens: number;
    maxCost: number;
    /** PERSISTED_OPERATIONS_ONLY: run only the operations of schema/operations, sent by hash. */
    persistedOperationsOnly: boolean;
  };
}

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

const int = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

const bool = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => ['true', 'false', '1', '0', 'yes', 'no'].includes(v), 'must be true or false')
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const optionalUrl = (protocols: string[]) =>
  z
    .string()
    .trim()
    .refine(
      (v) => {
        try {
          return protocols.includes(new URL(v).protocol);
        } catch {
          return false;
        }
      },
      `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`,
    );

const envSchema = z.object({
  PORT: int(0, 65535).default(4000),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .trim()
    .refine((v) => v.startsWith('mysql://') || v.startsWith('file:'), 'must start with mysql:// or file:')
    .optional(),
  DB_POOL_SIZE: int(1, 1000).default(20),
  DB_QUEUE_LIMIT: int(0, 100000).default(100),
  CACHE_URL: optionalUrl(['redis:', 'rediss:']).optional(),
  CACHE_TTL_HISTORICAL_S: int(1, 31_536_000).default(86_400),
  CACHE_TTL_RECENT_S: int(1, 31_536_000).default(3_600),
  CACHE_MEMORY_MB: int(8, 65_536).default(64),
  PRICE_PROVIDER: z.enum(['yahoo', 'csv']).default('yahoo'),
  PRICE_CSV_DIR: z.string().trim().min(1).optional(),
  YAHOO_BASE_URL: optionalUrl(['http:', 'https:']).optional(),
  YAHOO_TIMEOUT_MS: int(100, 120_000).default(8000),
  YAHOO_CONCURRENCY: int(1, 64).default(10),
  YAHOO_RETRIES: int(0, 10).default(2),
  WARM_ON_START: bool.default(true),
  WARM_TICKERS: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((t) => t.trim().toUpperCase())
        .filter((t) => t !== ''),
    )
    .refine((list) => list.every(isTicker), 'must be a comma-separated list of ticker symbols')
    .default(['AAPL', 'MSFT', 'GOOGL', 'AMZN', 'TSLA', 'NVDA']),
  WARM_YEARS: int(1, 50).default(2),
  MAX_TICKERS: int(1, 1000).default(50),
  MAX_RANGE_YEARS: int(1, 200).default(50),
  MAX_OPTIMIZE_RUNS: int(1, 10_000_000).default(20_000),
  QUEUE_URL: optionalUrl(['redis:', 'rediss:']).optional(),
  QUEUE_PREFIX: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be 1 to 64 letters, digits, dots, dashes or underscores')
    .default('backtest'),
  QUEUE_CHUNK_RUNS: int(1, 1_000_000).default(1000),
  WORKER_CONCURRENCY: int(1, 64).default(1),
  QUEUE_LOCK_MS: int(500, 600_000).default(30_000),
  JOB_LEASE_MS: int(1000, 600_000).default(10_000),
  JOB_TAKEOVER_INTERVAL_MS: int(100, 600_000).default(3_000),
  ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  INSTANCE_ID: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'must be 1 to 64 letters, digits or . _ : -')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['pretty', 'json']).optional(),
  NODE_ENV: z.string().trim().optional(),
  SLOW_OPERATION_MS: int(1, 3_600_000).default(1000),
  REQUEST_TIMEOUT_MS: int(100, 3_600_000).default(10_000),
  MAX_BODY_BYTES: int(1024, 100_000_000).default(102_400),
  RATE_LIMIT_PER_MINUTE: int(0, 1_000_000).default(600),
  TRUST_PROXY: bool.default(false),
  GRAPHQL_INTROSPECTION: bool.optional(),
  MAX_QUERY_DEPTH: int(2, 100).default(12),
  MAX_QUERY_ALIASES: int(0, 10_000).default(60),
  MAX_QUERY_TOKENS: int(50, 1_000_000).default(5000),
  MAX_QUERY_COST: int(1, 1_000_000_000).default(300_000),
  PERSISTED_OPERATIONS_ONLY: bool.default(false),
});

/**
 * Parses the environment into a Config. Empty strings count as unset. Every problem is collected
 * and reported at once in a ConfigError.
 */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const present: Record<string, string> = {};
  for (const key of Object.keys(envSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value.trim() !== '') present[key] = value;
  }
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (e.PRICE_PROVIDER === 'csv' && e.PRICE_CSV_DIR === undefined) {
    problems.push('PRICE_CSV_DIR: is required when PRICE_PROVIDER=csv');
  }
  if (e.CACHE_TTL_RECENT_S > e.CACHE_TTL_HISTORICAL_S) {
    problems.push('CACHE_TTL_RECENT_S: must not exceed CACHE_TTL_HISTORICAL_S');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    server: { port: e.PORT, host: e.HOST },
    database: { url: e.DATABASE_URL, poolSize: e.DB_POOL_SIZE, queueLimit: e.DB_QUEUE_LIMIT },
    cache: {
      url: e.CACHE_URL,
      ttlHistoricalS: e.CACHE_TTL_HISTORICAL_S,
      ttlRecentS: e.CACHE_TTL_RECENT_S,
      memoryMb: e.CACHE_MEMORY_MB,
    },
    provider: {
      kind: e.PRICE_PROVIDER,
      csvDir: e.PRICE_CSV_DIR,
      yahoo: {
        baseUrl: e.YAHOO_BASE_URL,
        timeoutMs: e.YAHOO_TIMEOUT_MS,
        concurrency: e.YAHOO_CONCURRENCY,
        retries: e.YAHOO_RETRIES,
      },
    },
    warm: { onStart: e.WARM_ON_START, tickers: e.WARM_TICKERS, years: e.WARM_YEARS },
    limits: {
      maxTickers: e.MAX_TICKERS,
      maxRangeYears: e.MAX_RANGE_YEARS,
      maxOptimizeRuns: e.MAX_OPTIMIZE_RUNS,
    },
    queue: {
      url: e.QUEUE_URL,
      prefix: e.QUEUE_PREFIX,
      chunkRuns: e.QUEUE_CHUNK_RUNS,
      workerConcurrency: e.WORKER_CONCURRENCY,
      lockMs: e.QUEUE_LOCK_MS,
    },
    jobs: { leaseMs: e.JOB_LEASE_MS, takeoverIntervalMs: e.JOB_TAKEOVER_INTERVAL_MS },
    adminToken: e.ADMIN_TOKEN,
    instanceId: e.INSTANCE_ID,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    observability: { slowOperationMs: e.SLOW_OPERATION_MS },
    http: {
      maxBodyBytes: e.MAX_BODY_BYTES,
      requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
      rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
      trustProxy: e.TRUST_PROXY,
    },
    graphql: {
      // Introspection (and with it field suggestions) is off in production unless asked for.
      introspection: e.GRAPHQL_INTROSPECTION ?? e.NODE_ENV !== 'production',
      maxDepth: e.MAX_QUERY_DEPTH,
      maxAliases: e.MAX_QUERY_ALIASES,
      maxTokens: e.MAX_QUERY_TOKENS,
      maxCost: e.MAX_QUERY_COST,
      persistedOperationsOnly: e.PERSISTED_OPERATIONS_ONLY,
    },
  };
}
