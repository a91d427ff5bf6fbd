import pTimeout from 'p-timeout';

/**
 * Rejects with a TimeoutError (`<what> timed out after <ms> ms`) when `promise` has not settled
 * within `timeoutMs`; a late rejection of `promise` is observed, never left unhandled.
 */
export function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  return pTimeout(promise, { milliseconds: timeoutMs, message: `${what} timed out after ${timeoutMs} ms` });
}
