/**
 * Jobs on BullMQ: one 20,000-run sweep (SmaCross on GOOG) run by 1 and then 2 worker processes
 * (runs/s and the ratio), and the latency from enqueue to the first progress event, against a
 * raw Redis pub/sub round trip (the floor: every progress event crosses Redis pub/sub once).
 * The 2-worker ratio is read against a plain CPU loop in 1 and 2 processes measured in the same
 * run: on a machine other work shares, that is what 2 processes can get.
 * The service is built in this process on MariaDB with QUEUE_URL; the workers are real
 * `node src/cli.ts worker` processes sharing that database and Redis.
 */
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { Redis } from 'ioredis';
import { parseConfig } from '../src/config.ts';
import type { StoredJob } from '../src/db/job-records.ts';
import type { SeriesKey } from '../src/market-data/series.ts';
import { silentLogger } from '../src/observability/logger.ts';
import { createServices, type Services } from '../src/services.ts';
import { createTestDatabase, dropTestDatabase } from '../test/support/mysql.ts';
import { sharedDataDir } from '../test/support/shared-data.ts';
import { startWorker, type WorkerProcess } from '../test/support/worker-process.ts';
import { MYSQL_BASE_URL, REDIS_URL } from './lib/fixtures.ts';
import { summarize } from './lib/measure.ts';
import type { BenchRow } from './lib/report.ts';
import { progress, runSection } from './lib/section.ts';

const SWEEP = {
  ticker: 'GOOG',
  from: '2004-08-19',
  to: '2013-03-01',
  strategy: 'SmaCross',
  // 100 × 200 = 20,000 runs, no constraint.
  grid: [
    { name: 'fast', from: 1, to: 100, step: 1 },
    { name: 'slow', from: 2, to: 201, step: 1 },
  ],
  maximize: 'sqn',
};
const SWEEP_ROUNDS = 2;
const SPIN = 'let x = 0; for (let i = 0; i < 5e8; i++) x += i & 1; if (x < 0) console.log(x);';

/** Wall time of `processes` plain CPU loops run at once, each in its own process. */
async function spin(processes: number): Promise<number> {
  const t0 = performance.now();
  await Promise.all(
    Array.from(
      { length: processes },
      () =>
        new Promise<void>((resolve, reject) => {
          const child = spawn(process.execPath, ['-e', SPIN], { stdio: 'ignore' });
          child.on('error', reject);
          child.on('exit', () => resolve());
        }),
    ),
  );
  return performance.now() - t0;
}
const LATENCY_SAMPLES = 12;
const FLOOR_SAMPLES = 200;

await runSection('jobs', 'Jobs', async () => {
  const rows: BenchRow[] = [];
  const notes: string[] = [];
  const prefix = `bench-jobs-${process.pid}`;
  const dbName = `bench_jobs_${process.pid}`;
  let databaseUrl: string;
  try {
    const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: true });
    await redis.connect();
    redis.disconnect();
    databaseUrl = await createTestDatabase(MYSQL_BASE_URL, dbName);
  } catch (error) {
    notes.push(
      `Jobs skipped: needs Redis at ${REDIS_URL} and MariaDB at ${MYSQL_BASE_URL} (${(error as Error).message}).`,
    );
    return { rows, notes };
  }
  const env = {
    DATABASE_URL: databaseUrl,
    QUEUE_URL: REDIS_URL,
    QUEUE_PREFIX: prefix,
    PRICE_PROVIDER: 'csv',
    PRICE_CSV_DIR: sharedDataDir,
    WARM_ON_START: 'false',
    LOG_LEVEL: 'silent',
  };
  const services: Services = createServices(parseConfig(env), silentLogger);
  const workers: WorkerProcess[] = [];
  const loader = {
    loadMany: (keys: ArrayLike<SeriesKey>) => services.seriesReader.loadMany(Array.from(keys)),
  };
  const start = (input: Record<string, unknown>) =>
    services.jobs.start('OPTIMIZATION', input as never, loader);
  const untilEnded = async (job: StoredJob) => {
    for await (const change of services.jobs.follow(job.id)) {
      if (!['QUEUED', 'RUNNING'].includes(change.state)) return change;
    }
    throw new Error(`job ${job.id} stream ended early`);
  };
  try {
    await services.migrate();
    workers.push(await startWorker({ ...env, LOG_LEVEL: 'info' }));

    const sweep = async (label: string) => {
      progress(`20k-run sweep, ${label}`);
      const began = performance.now();
      const ended = await untilEnded(await start(SWEEP));
      const ms = performance.now() - began;
      if (ended.state !== 'SUCCEEDED') {
        const failures = workers.flatMap((w) => w.logs.filter((l) => Number(l.level) >= 40));
        throw new Error(
          `sweep ended ${ended.state}: ${ended.error} ${JSON.stringify(failures).slice(0, 2000)}`,
        );
      }
      // The parent's share: from the last chunk done to the stored result (combine, gzip, write).
      const lastChunk = Math.max(
        ...workers.flatMap((w) =>
          w.logs.filter((l) => l.job === ended.id && l.msg === 'chunk done').map((l) => Number(l.time)),
        ),
      );
      return { ms, runs: ended.runsDone, combineMs: Date.parse(ended.finishedAt ?? '') - lastChunk };
    };
    // The ceiling of the ratio on this machine now: a plain CPU loop in 1 and in 2 processes.
    progress('CPU loop, 1 and 2 processes (the ceiling of the ratio)');
    const spinOnce = await spin(1);
    const spinTwice = await spin(2);
    const ceiling = (2 * spinOnce) / spinTwice;
    // Alternating rounds, so a change in the machine's load hits both figures alike.
    const ones: Awaited<ReturnType<typeof sweep>>[] = [];
    const twos: Awaited<ReturnType<typeof sweep>>[] = [];
    for (let round = 1; round <= SWEEP_ROUNDS; round++) {
      ones.push(await sweep(`1 worker process, round ${round}`));
      const second = await startWorker({ ...env, LOG_LEVEL: 'info' });
      workers.push(second);
      twos.push(await sweep(`2 worker processes, round ${round}`));
      await second.stop('SIGTERM');
      workers.pop();
    }
    const median = (runs: typeof ones) => {
      const s = summarize(runs.map((r) => r.ms));
      return { ...s, runs: runs[0].runs, combineMs: summarize(runs.map((r) => r.combineMs)).medianMs };
    };
    const one = median(ones);
    const two = median(twos);
    const perSecond = (r: { medianMs: number; runs: number; combineMs: number }) =>
      `${Math.round((r.runs / r.medianMs) * 1000)} runs/s, combine ${Math.round(r.combineMs)} ms`;
    rows.push({
      id: 'sweep-1w',
      label: `sweep ${one.runs} runs GOOG, 1 worker process`,
      medianMs: one.medianMs,
      samples: one.samples,
      extra: perSecond(one),
    });
    const speedup = one.medianMs / two.medianMs;
    rows.push({
      id: 'sweep-2w',
      label: 'same sweep, 2 worker processes',
      medianMs: two.medianMs,
      samples: two.samples,
      baseline: 'sweep-1w',
      target: {
        text: `≥ 0.8 × the CPU loop's 2-process speed-up (${ceiling.toFixed(2)}×)`,
        met: speedup >= 0.8 * ceiling,
      },
      extra: `${perSecond(two)}, ${speedup.toFixed(2)}× 1 worker`,
    });
    rows.push({
      id: 'cpu-2p',
      label: 'plain CPU loop, 2 processes at once (ceiling)',
      medianMs: spinTwice,
      samples: 1,
      extra: `${ceiling.toFixed(2)}× the work of 1 process in that time`,
    });

    progress('raw Redis pub/sub round trip');
    const publisher = new Redis(REDIS_URL);
    const subscriber = new Redis(REDIS_URL);
    const channel = `${prefix}:floor`;
    await subscriber.subscribe(channel);
    const floor: number[] = [];
    for (let k = 0; k < FLOOR_SAMPLES; k++) {
      const received = new Promise<void>((resolve) => subscriber.once('message', () => resolve()));
      const t0 = performance.now();
      await publisher.publish(channel, JSON.stringify({ k }));
      await received;
      floor.push(performance.now() - t0);
    }
    publisher.disconnect();
    subscriber.disconnect();
    const floorSummary = summarize(floor);
    rows.push({
      id: 'pubsub',
      label: 'raw Redis PUBLISH → message (floor)',
      medianMs: floorSummary.medianMs,
      p99Ms: floorSummary.p99Ms,
      samples: floorSummary.samples,
    });

    progress('enqueue → first progress event');
    const latencies: number[] = [];
    for (let k = 0; k < LATENCY_SAMPLES; k++) {
      // A new request each time (another key), 8 × 9 runs.
      const input = {
        ...SWEEP,
        grid: [
          { name: 'fast', from: 5 + k, to: 40 + k, step: 5 },
          { name: 'slow', from: 50, to: 130, step: 10 },
        ],
      };
      const t0 = performance.now();
      const job = await start(input);
      let firstAt = Number.NaN;
      for await (const change of services.jobs.follow(job.id)) {
        if (Number.isNaN(firstAt) && change.runsDone > 0) firstAt = performance.now();
        if (!['QUEUED', 'RUNNING'].includes(change.state)) break;
      }
      latencies.push(firstAt - t0);
    }
    const latency = summarize(latencies);
    rows.push({
      id: 'first-progress',
      label: 'enqueue → first progress event (runsDone > 0)',
      medianMs: latency.medianMs,
      p99Ms: latency.p99Ms,
      samples: latency.samples,
      baseline: 'pubsub',
      extra: 'flow add, a worker takes a chunk, 32 runs on its pooled thread, DB write, pub/sub',
    });
    notes.push(
      `Jobs: load average ${loadavg()[0].toFixed(1)} at the end of the section (2 workers only help on idle cores).`,
      'Jobs: the sweep is split in chunks of QUEUE_CHUNK_RUNS (1000) runs; each worker process runs one chunk at a time on one thread.',
    );
  } finally {
    await Promise.allSettled(workers.map((w) => w.stop('SIGTERM')));
    await services.dispose();
    const redis = new Redis(REDIS_URL);
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
    redis.disconnect();
    await dropTestDatabase(MYSQL_BASE_URL, dbName);
  }
  return { rows, notes };
});
