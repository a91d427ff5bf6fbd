/** Helpers shared by the fault suites: required backing services, raw HTTP calls, timing. */
import type { ServiceProcess } from '../support/service-process.ts';

/**
 * The value of a TEST_* variable naming a real backing service. Unset: a visible notice and the
 * suite is skipped; unset on CI: a failure, so CI never passes without the fault tests running.
 */
export function requiredService(variable: 'TEST_DATABASE_URL' | 'TEST_REDIS_URL', suite: string) {
  const value = process.env[variable];
  if (value) return value;
  if (process.env.CI === 'true') throw new Error(`${variable} must be set on CI`);
  console.warn(`[${suite}] ${variable} is not set: these fault tests are skipped.`);
  return undefined;
}

export interface GqlError {
  message: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
}

export interface GqlAnswer<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: GqlError[];
  /** The raw body when it was not JSON. */
  text?: string;
  ms: number;
}

/** POSTs a JSON body (or a raw string) to `/graphql` and never throws on an HTTP error status. */
export async function post<T = Record<string, unknown>>(
  baseUrl: string,
  body: unknown,
  init: { headers?: Record<string, string>; raw?: boolean; signal?: AbortSignal } = {},
): Promise<GqlAnswer<T>> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...init.headers },
    body: init.raw ? (body as string) : JSON.stringify(body),
    signal: init.signal,
  });
  const text = await response.text();
  const ms = performance.now() - started;
  try {
    const json = JSON.parse(text) as { data?: T | null; errors?: GqlError[] };
    return { status: response.status, ...json, ms };
  } catch {
    return { status: response.status, text, ms };
  }
}

export const gql = <T = Record<string, unknown>>(
  baseUrl: string,
  query: string,
  variables?: Record<string, unknown>,
) => post<T>(baseUrl, { query, variables });

export const statusOf = async (url: string): Promise<number> => (await fetch(url)).status;

/** The codes of a GraphQL answer's errors. */
export const codes = (answer: { errors?: GqlError[] }): unknown[] =>
  (answer.errors ?? []).map((e) => e.extensions?.code);

const LEAK =
  /\b(select|insert|update|delete)\b[\s\S]*\b(from|into|set)\b|ECONNREFUSED|ETIMEDOUT|PROTOCOL_|\bER_[A-Z_]{3,}|\.ts:\d+|node:internal|mysql:\/\/|redis:\/\/|Queue limit/i;

/** What in an answer looks like SQL, a stack frame or a connection detail; null when nothing. */
export function leakIn(answer: unknown): string | null {
  return LEAK.exec(JSON.stringify(answer))?.[0] ?? null;
}

/** Lines the service logged about unhandled rejections or uncaught exceptions, or fatal ones. */
export function unhandledLogLines(service: ServiceProcess): string[] {
  return service.logs
    .join('')
    .split('\n')
    .filter((line) => /unhandled|uncaught|"level":60/i.test(line));
}

export const BASE_ENV = { LOG_LEVEL: 'info', WARM_ON_START: 'false' } as const;

/** Polls until `check` resolves true (for hooks, where expect.poll is not available). */
export async function waitUntil(
  check: () => Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
