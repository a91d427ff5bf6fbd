import KeyvRedis, { createKeyvNonBlocking } from '@keyv/redis';
import Keyv from 'keyv';
import { LRUCache } from 'lru-cache';
import pTimeout from 'p-timeout';
import type { Logger } from '../observability/logger.ts';

/** The cache port: a TTL key-value store that never fails a request (errors read as misses). */
export interface TtlCache<V> {
  readonly kind: 'memory' | 'redis';
  getMany(keys: readonly string[]): Promise<(V | undefined)[]>;
  set(key: string, value: V, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
  close(): Promise<void>;
}

export interface CacheOptions {
  /** `redis://…` shares the cache between instances; unset keeps it in process. */
  url: string | undefined;
  namespace: string;
  logger: Logger;
  /** In-process bounds. */
  maxEntries?: number;
  maxBytes?: number;
  /** A Redis call slower than this counts as a miss (the request goes on without the cache). */
  opTimeoutMs?: number;
}

/**
 * Estimated retained size of a cached value for the in-process byte bound, on the generous side
 * (V8 object headers, string headers and array slots included): the bound is a memory promise.
 */
function approximateBytes(value: unknown): number {
  if (value === null || value === undefined || typeof value === 'boolean') return 8;
  if (typeof value === 'number') return 16;
  if (typeof value === 'string') return 2 * value.length + 40;
  if (typeof value !== 'object') return 16;
  if (ArrayBuffer.isView(value)) return value.byteLength + 64;
  if (Array.isArray(value)) {
    if (value.length > 0 && typeof value[0] === 'number') return 16 * value.length + 32;
    let total = 32 + 8 * value.length;
    for (const item of value) total += approximateBytes(item);
    return total;
  }
  let total = 48;
  for (const [k, v] of Object.entries(value)) total += 16 + 2 * k.length + approximateBytes(v);
  return total;
}

export function createTtlCache<V>(options: CacheOptions): TtlCache<V> {
  const opTimeoutMs = options.opTimeoutMs ?? 250;
  let keyv: Keyv;
  if (options.url === undefined) {
    const lru = new LRUCache<string, { value: V; expires?: number }>({
      max: options.maxEntries ?? 5000,
      maxSize: options.maxBytes ?? 256 * 1024 * 1024,
      sizeCalculation: (entry) => Math.max(1, approximateBytes(entry.value)),
    });
    // lru-cache takes the TTL in an options object; Keyv passes a number.
    const store = {
      get: (key: string) => lru.get(key),
      set: (key: string, value: { value: V; expires?: number }, ttl?: number) => {
        lru.set(key, value, ttl === undefined ? {} : { ttl });
        return true;
      },
      delete: (key: string) => lru.delete(key),
      clear: () => lru.clear(),
      has: (key: string) => lru.has(key),
    };
    keyv = new Keyv({ store, namespace: options.namespace, serialize: undefined, deserialize: undefined });
  } else {
    keyv = createKeyvNonBlocking(
      {
        url: options.url,
        socket: { connectTimeout: 1000, reconnectStrategy: (n: number) => Math.min(100 * 2 ** n, 2000) },
      },
      { namespace: options.namespace },
    );
    // Plain JSON: cached values are JSON data (no Buffers, BigInts or Dates to revive), and keyv's
    // default deserializer, a JSON.parse with a reviver, costs ten times as much on a long series.
    keyv.serialize = (data) => JSON.stringify(data);
    keyv.deserialize = (data) => JSON.parse(data);
  }
  keyv.on('error', (error: unknown) => {
    options.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'cache error');
  });
  const kind = options.url === undefined ? 'memory' : 'redis';
  const guard = <T>(promise: Promise<T>, fallback: T) =>
    kind === 'memory'
      ? promise.catch(() => fallback)
      : pTimeout(
          promise.catch(() => fallback),
          { milliseconds: opTimeoutMs, fallback: () => fallback },
        );

  return {
    kind,
    async getMany(keys) {
      if (keys.length === 0) return [];
      const values = await guard(
        keyv.getMany<V>([...keys]),
        keys.map(() => undefined),
      );
      return values.map((v) => (v === null ? undefined : v));
    },
    async set(key, value, ttlMs) {
      await guard(
        keyv.set(key, value, ttlMs).then(() => undefined),
        undefined,
      );
    },
    async delete(key) {
      await guard(
        keyv.delete(key).then(() => undefined),
        undefined,
      );
    },
    async close() {
      const store = keyv.store as unknown;
      if (store instanceof KeyvRedis)
        await guard(
          store.disconnect().then(() => undefined),
          undefined,
        );
    },
  };
}
