/** A BullMQ deployment for a test file: its own MariaDB database, Redis prefix, services and workers. */
import { spawn } from 'node:child_process';
import { Redis } from 'ioredis';
import { createTestDatabase, dropTestDatabase } from '../support/mysql.ts';
import { type ServiceProcess, startService } from '../support/service-process.ts';
import { sharedDataDir } from '../support/shared-data.ts';
import { startWorker, type WorkerProcess } from '../support/worker-process.ts';

export const CANCEL = `mutation C($id: ID!) { cancelJob(id: $id) { id state runsDone runsTotal finishedAt } }`;
export const OPTIMIZE = `mutation O($input: OptimizeInput!) { optimizeStrategy(input: $input) { runCount best { params value } runs { params value } } }`;

export interface Deployment {
  env: Record<string, string>;
  services: ServiceProcess[];
  workers: WorkerProcess[];
  close(): Promise<void>;
}

/** `instances` service processes and `workers` worker processes on one queue. */
export async function startDeployment(options: {
  name: string;
  databaseBaseUrl: string;
  redisUrl: string;
  instances: number;
  workers: number;
  env?: Record<string, string>;
}): Promise<Deployment> {
  const dbName = `${options.name}_${process.pid}`;
  const prefix = `test-${options.name}-${process.pid}-${Date.now()}`;
  const databaseUrl = await createTestDatabase(options.databaseBaseUrl, dbName);
  const env = {
    DATABASE_URL: databaseUrl,
    PRICE_PROVIDER: 'csv',
    PRICE_CSV_DIR: sharedDataDir,
    QUEUE_URL: options.redisUrl,
    QUEUE_PREFIX: prefix,
    ...options.env,
  };
  const services: ServiceProcess[] = [];
  const workers: WorkerProcess[] = [];
  const close = async () => {
    await Promise.allSettled([...services.map((s) => s.stop()), ...workers.map((w) => w.stop('SIGKILL'))]);
    const redis = new Redis(options.redisUrl);
    try {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
        if (keys.length > 0) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
    } finally {
      redis.disconnect();
    }
    await dropTestDatabase(options.databaseBaseUrl, dbName);
  };
  try {
    // One after the other: the first applies the migrations.
    for (let k = 0; k < options.instances; k++) {
      const service = await startService(env);
      services.push(service);
      await service.ready();
    }
    for (let k = 0; k < options.workers; k++) workers.push(await startWorker(env));
  } catch (error) {
    await close();
    throw error;
  }
  return { env, services, workers, close };
}

/** The `data:` payloads of a subscription read by a plain `curl -N` client until the stream completes. */
export function curlSse<T>(url: string, query: string, variables: Record<string, unknown>): Promise<T[]> {
  const curl = spawn('curl', [
    '-sN',
    '-H',
    'content-type: application/json',
    '-H',
    'accept: text/event-stream',
    '--data',
    JSON.stringify({ query, variables }),
    url,
  ]);
  let text = '';
  curl.stdout.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  return new Promise((done, fail) => {
    curl.on('error', fail);
    curl.on('exit', () => {
      const events: T[] = [];
      for (const block of text.split('\n\n')) {
        if (/^event: complete$/m.test(block)) break;
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (data) events.push(JSON.parse(data) as T);
      }
      done(events);
    });
  });
}

export const logsOf = (worker: WorkerProcess, jobId: string, msg: string) =>
  worker.logs.filter((line) => line.job === jobId && line.msg === msg);
