/**
 * Price writes on a thread of their own. better-sqlite3 is synchronous: writing the ~26,000 bars
 * of ten cold 10-year series on the service's thread held it for about a quarter of a second,
 * while the responses of the next loads waited. One piscina thread (writes stay in order) runs
 * them on a connection of its own; WAL lets the service's connection read meanwhile, and the
 * busy timeout covers the moments both write. The thread starts on the first write and leaves
 * after a minute without any.
 */
import { Piscina } from 'piscina';
import pTimeout from 'p-timeout';
import type { PriceWriteTask } from './price-writer-thread.ts';
import type { PriceWrite } from './price-writes.ts';

const IDLE_MS = 60_000;
/** A write the thread has not answered within this fails (the caller retries), never hangs. */
const WRITE_TIMEOUT_MS = 30_000;

export interface PriceWriter {
  run(write: PriceWrite): Promise<void>;
  /** Waits for the writes already handed over, then stops the thread. */
  close(): Promise<void>;
}

export function createPriceWriter(path: string): PriceWriter {
  let pool: Piscina | undefined;
  const poolNow = () => {
    pool ??= new Piscina({
      filename: new URL('./price-writer-thread.ts', import.meta.url).href,
      minThreads: 0,
      maxThreads: 1,
      idleTimeout: IDLE_MS,
      recordTiming: false,
      // A small young generation, as `npm start` gives the service's thread (4 MB semi-spaces):
      // the thread only binds rows, and V8's default would hold more memory than it needs.
      resourceLimits: { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 256 },
    });
    return pool;
  };
  return {
    async run(write) {
      const task: PriceWriteTask = { ...write, path };
      await pTimeout(poolNow().run(task), {
        milliseconds: WRITE_TIMEOUT_MS,
        message: `the price writer did not answer within ${WRITE_TIMEOUT_MS} ms`,
      });
    },
    async close() {
      const closing = pool;
      pool = undefined;
      await closing?.close();
    },
  };
}
