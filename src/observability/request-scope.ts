import { AsyncLocalStorage } from 'node:async_hooks';

/** Where the series of one request came from, counted while its operation executes. */
export interface RequestScope {
  sources: Record<string, number>;
}

const storage = new AsyncLocalStorage<RequestScope>();

/** Runs `fn` (an operation's execution) with `scope` as the current request scope. */
export function runInRequestScope<T>(scope: RequestScope, fn: () => T): T {
  return storage.run(scope, fn);
}

/** The scope of the operation being executed, if any (none for warming and the CLI). */
export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}
