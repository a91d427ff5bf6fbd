/** `worker`: takes jobs from the BullMQ queue at QUEUE_URL until SIGTERM or SIGINT. */
import pino from 'pino';
import { parseConfig } from '../config.ts';
import { startWorkerProcess } from '../jobs/bullmq/worker-process.ts';
import { chooseLogFormat } from '../observability/log-format.ts';
import { createLogger } from '../observability/logger.ts';
import { usageError } from './errors.ts';
import { parseFlags } from './flags.ts';
import type { CliIo } from './io.ts';

export const WORKER_HELP = `Usage: backtest-graphql worker [--concurrency N]

Runs optimization and walk-forward jobs from the queue at QUEUE_URL (redis://…), each chunk on
its own worker thread, storing progress and results in DATABASE_URL. Start as many workers as
you like, on any machines sharing that Redis and database. SIGTERM or SIGINT: finishes the
chunks running, then exits 0.

  --concurrency N   chunks run at once (default WORKER_CONCURRENCY, 1)`;

export async function workerCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const flags = parseFlags('worker', argv, { concurrency: 'value' });
  if (flags.help) {
    io.out(WORKER_HELP);
    return 0;
  }
  const concurrency = flags.values.get('concurrency');
  if (concurrency !== undefined && !/^\d+$/.test(concurrency.trim())) {
    throw usageError(`--concurrency: must be a whole number, got "${concurrency}"`);
  }
  const config = parseConfig(
    concurrency === undefined ? io.env : { ...io.env, WORKER_CONCURRENCY: concurrency },
  );
  if (config.queue.url === undefined) {
    throw usageError('worker: QUEUE_URL=redis://… is required (the queue the worker takes jobs from)');
  }
  const logger = createLogger(
    config.logLevel,
    pino.destination({ fd: 2, sync: true }),
    chooseLogFormat(config.logFormat, process.stderr.isTTY),
  );
  const worker = await startWorkerProcess(config, logger);
  logger.info({ prefix: config.queue.prefix, concurrency: config.queue.workerConcurrency }, 'worker ready');
  const signal = await new Promise<string>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
  logger.info({ signal }, 'worker stopping');
  await worker.close();
  logger.info('worker stopped');
  return 0;
}
