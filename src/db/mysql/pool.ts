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

/** Errors that mean the connection (not the statement) failed; the pool drops such connections. */
const CONNECTION_ERROR_CODES = new Set([
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'ER_CONNECTION_KILLED',
  'ER_SERVER_SHUTDOWN',
  'ER_CLIENT_INTERACTION_TIMEOUT',
]);

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

export function isConnectionError(error: unknown): boolean {
  const { codes, messages } = codesOf(error);
  return (
    codes.some((c) => CONNECTION_ERROR_CODES.has(c)) ||
    messages.some((m) => m.includes('connection is in closed state'))
  );
}

export function isDeadlock(error: unknown): boolean {
  return codesOf(error).codes.some((c) => DEADLOCK_CODES.has(c));
}

/**
 * Runs an idempotent operation; when the server dropped the connection it ran on, runs it once
 * more on a fresh connection, so a restart or an idle kill never reaches the caller.
 */
export async function retryOnConnectionLoss<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (!isConnectionError(error)) throw error;
    return operation();
  }
}

/** Retries a transaction that lost a deadlock or lock wait, a few times. */
export async function retryOnDeadlock<T>(operation: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (attempt >= attempts || !isDeadlock(error)) throw error;
    }
  }
}
