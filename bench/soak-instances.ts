/**
 * The soak's service as several instances (`npm run soak -- --instances 3`): that many
 * `node src/main.ts` processes on one MariaDB database (created for the run on the server of
 * SOAK_DATABASE_URL or TEST_DATABASE_URL, dropped after) and one Redis of the run's own
 * (`redis-server` on a free port), behind the round-robin proxy of the tests. Each instance
 * reports its memory; the soak's memory samples follow the largest, and the per-instance figures
 * are printed at the end.
 */
import { createTestDatabase, dropTestDatabase } from '../test/support/mysql.ts';
import { startOwnRedis } from '../test/support/redis-server.ts';
import { startRoundRobinProxy } from '../test/support/round-robin-proxy.ts';
import { type ProcessMemory, type SoakService, startSoakService } from './soak-service.ts';

export interface SoakCluster extends SoakService {
  /** Per-instance memory (first sample, peak and last RSS and heap), one line each. */
  instanceReport(): string;
}

interface Track {
  first: ProcessMemory | null;
  peakRss: number;
  peakHeap: number;
  last: ProcessMemory | null;
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

export async function startSoakCluster(count: number, env: Record<string, string>): Promise<SoakCluster> {
  const serverUrl = process.env.SOAK_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (serverUrl === undefined || !serverUrl.startsWith('mysql://')) {
    throw new Error('--instances needs a MariaDB/MySQL server: set SOAK_DATABASE_URL (or TEST_DATABASE_URL)');
  }
  const dbName = `soak_${Date.now().toString(36)}`;
  const databaseUrl = await createTestDatabase(serverUrl, dbName);
  const redis = await startOwnRedis();
  const instances = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      startSoakService({
        ...env,
        DATABASE_URL: databaseUrl,
        CACHE_URL: redis.url,
        INSTANCE_ID: `soak-${i + 1}`,
      }),
    ),
  );
  const proxy = await startRoundRobinProxy(instances.map((i) => i.url));
  const tracks: Track[] = instances.map(() => ({ first: null, peakRss: 0, peakHeap: 0, last: null }));
  const sampler = setInterval(() => {
    instances.forEach((instance, i) => {
      const memory = instance.memory();
      if (memory === null || instance.exitCode() !== null) return;
      const track = tracks[i];
      track.first ??= memory;
      track.last = memory;
      track.peakRss = Math.max(track.peakRss, memory.rss);
      track.peakHeap = Math.max(track.peakHeap, memory.heapUsed);
    });
  }, 1000);

  const merged = (pick: (s: SoakService) => Record<string, number>) => {
    const total: Record<string, number> = {};
    for (const instance of instances)
      for (const [k, v] of Object.entries(pick(instance))) total[k] = (total[k] ?? 0) + v;
    return total;
  };

  return {
    url: proxy.url,
    pid: instances[0].pid,
    get logCounts() {
      return merged((s) => s.logCounts);
    },
    get logMessages() {
      return merged((s) => s.logMessages);
    },
    get lastLines() {
      return instances.flatMap((s) => s.lastLines);
    },
    memory() {
      const reports = instances.map((s) => s.memory()).filter((m): m is ProcessMemory => m !== null);
      return reports.length === 0 ? null : reports.reduce((a, b) => (b.rss > a.rss ? b : a));
    },
    exitCode() {
      return instances.find((s) => s.exitCode() !== null)?.exitCode() ?? null;
    },
    instanceReport() {
      const lines = tracks.map((t, i) =>
        t.first === null || t.last === null
          ? `  soak-${i + 1}: no memory reports`
          : `  soak-${i + 1}: RSS ${mb(t.first.rss)} → peak ${mb(t.peakRss)} → end ${mb(t.last.rss)}; ` +
            `heap used ${mb(t.first.heapUsed)} → peak ${mb(t.peakHeap)} → end ${mb(t.last.heapUsed)}`,
      );
      return `instances: ${count} behind a round-robin proxy (${proxy.retries} requests retried on the next instance)\n${lines.join('\n')}\n`;
    },
    async stop() {
      clearInterval(sampler);
      await proxy.close();
      const codes = await Promise.all(instances.map((s) => s.stop()));
      await redis.stop();
      await dropTestDatabase(serverUrl, dbName);
      return codes.find((c) => c !== 0) ?? 0;
    },
  };
}
