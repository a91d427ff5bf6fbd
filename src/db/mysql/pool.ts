/** The mysql2 pool and the rule for replacing connections the server dropped. */
import mysql from 'mysql2';

export interface MysqlPoolOptions {
  url: string;
  poolSize: number;
  queueLimit: number;
  connectTimeoutMs: number;
}

export function createMysqlPool(options: MysqlPoolOptions): mysql.Pool {
  return mysql.createPool({
    uri: options.url,
    connectionLimit: options.poolSize,
    maxIdle: options.poolSize,
    idleTimeout: 60_000,
    // A full queue fails fast with "Queue limit reached." instead of piling up callers.
    waitForConnections: true,
    queueLimit: options.queueLimit,
    connectTimeout: options.connectTimeoutMs,
    enableKeepAlive: true,
    keepAliveInitialDelay: 10_000,
    // DATE and DATETIME stay strings: no JS Date, so the host time zone never shifts a day.
    timezone: 'Z',
    dateStrings: ['DATE', 'DATETIME'],
    supportBigNumbers: true,
    charset: 'utf8mb4',
    // Exact reads use prepared statements; keep the per-connection cache well under the
    // server's max_prepared_stmt_count even with many pooled connections.
    maxPreparedStatements: 64,
  });
}

/** The pooled connection died under the statement (server restart, kill, failover, idle cut). */
const LOST_CONNECTION_CODES = new Set([
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ECONNRESET',
  'EPIPE',
  'ER_CONNECTION_KILLED',
  'ER_SERVER_SHUTDOWN',
  'ER_CLIENT_INTERACTION_TIMEOUT',
]);

/** A new connection could not be opened. */
const CONNECT_ERROR_CODES = new Set(['ECONNREFUSED', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);

const DEADLOCK_CODES = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);

function codesOf(error: unknown): { codes: string[]; messages: string[] } {
  const codes: string[] = [];
  const messages: string[] = [];
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    messages.push(e.message);
  }
  return { codes, messages };
}

export type ConnectionErrorKind = 'lost' | 'connect';

function connectionErrorKind(error: unknown): ConnectionErrorKind | null {
  const { codes, messages } = codesOf(error);
  if (codes.some((c) => LOST_CONNECTION_CODES.has(c))) return 'lost';
  if (messages.some((m) => m.includes('connection is in closed state'))) return 'lost';
  if (codes.some((c) => CONNECT_ERROR_CODES.has(c))) return 'connect';
  return null;
}

function isDeadlock(error: unknown): boolean {
  return codesOf(error).codes.some((c) => DEADLOCK_CODES.has(c));
}

export type Retry = <T>(operation: () => Promise<T>) => Promise<T>;

/**
 * Runs idempotent operations so that connections the server dropped never reach the caller: an
 * operation that lost its connection runs again (the pool discards the dead connection), up to
 * once per pooled connection plus one, since every idle connection may have died together.
 * A failed connect is retried once: a server that is down fails fast.
 */
export function createRetry(poolSize: number): Retry {
  return async (operation) => {
    let connectRetried = false;
    for (let attempt = 1; ; attempt++) {
      try {
        return await operation();
      } catch (error) {
        const kind = connectionErrorKind(error);
        if (kind === 'lost' && attempt <= poolSize) continue;
        if (kind === 'connect' && !connectRetried) {
          connectRetried = true;
          continue;
        }
        throw error;
      }
    }
  };
}

/**
 * Retries a transaction that lost a deadlock or lock wait. Concurrent writers of one ticker's
 * coverage take gap locks and can keep colliding under load, so the retries back off with
 * jitter (up to ~10 ms, 20 ms, 40 ms, … capped at 200 ms) to let one of them through.
 */
export async function retryOnDeadlock<T>(operation: () => Promise<T>, attempts = 10): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (attempt >= attempts || !isDeadlock(error)) throw error;
      const capMs = Math.min(200, 10 * 2 ** (attempt - 1));
      await new Promise((resolve) => setTimeout(resolve, Math.random() * capMs));
    }
  }
}

/** Open and idle connections and queued callers of a mysql2 pool (read from its queues). */
export function readPoolUsage(pool: mysql.Pool): { open: number; free: number; queued: number } {
  const queues = pool as unknown as Record<
    '_allConnections' | '_freeConnections' | '_connectionQueue',
    { length: number } | undefined
  >;
  return {
    open: queues._allConnections?.length ?? 0,
    free: queues._freeConnections?.length ?? 0,
    queued: queues._connectionQueue?.length ?? 0,
  };
}
