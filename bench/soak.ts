/**
 * Soak: a mixed load (price series, cached and new backtests, the strategy catalogue, portfolio
 * runs, small optimizations) from concurrent clients against the real server for a while, then
 * error counts, HTTP statuses, p50/p99 latency per operation and sampled memory growth.
 *
 *   npm run soak -- [--seconds 300] [--clients 32] [--instances N] [--json FILE]
 *
 * The server is `node src/main.ts` on SQLite in a temp dir, with the Yahoo provider pointed at
 * the Yahoo test server, run in this process (it sees few requests once the series are stored).
 * Exits 1 on any HTTP 5xx, transport failure or crash.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startYahooServer } from '../test/support/yahoo-server.ts';
import { tempDir } from './lib/fixtures.ts';
import { drawOperation } from './soak-ops.ts';
import { createTally, formatSummary, record, summarize } from './soak-report.ts';
import { startSoakCluster } from './soak-instances.ts';
import { sampleMemory, startSoakService } from './soak-service.ts';
import { mulberry32 } from '../test/support/random.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '300' },
    clients: { type: 'string', default: '32' },
    instances: { type: 'string', default: '1' },
    json: { type: 'string' },
  },
});
const seconds = Number(values.seconds);
const clients = Number(values.clients);
const instances = Number(values.instances);
if (
  !(seconds > 0) ||
  !(Number.isInteger(clients) && clients > 0) ||
  !(Number.isInteger(instances) && instances > 0)
) {
  process.stderr.write('usage: npm run soak -- [--seconds N] [--clients N] [--instances N] [--json FILE]\n');
  process.exit(2);
}

const REQUEST_TIMEOUT_MS = 60_000;
const MEMORY_EVERY_MS = 5_000;

const yahoo = await startYahooServer({ recordedDir: null });
const dir = tempDir('soak');
const soakEnv = {
  YAHOO_BASE_URL: yahoo.url,
  WARM_ON_START: 'false',
  // Every client shares one address: the per-client rate limit would turn this into a 429 test.
  RATE_LIMIT_PER_MINUTE: '0',
  // e.g. SOAK_NODE_OPTIONS=--max-old-space-size=320: does the service live within a small heap?
  ...(process.env.SOAK_NODE_OPTIONS ? { NODE_OPTIONS: process.env.SOAK_NODE_OPTIONS } : {}),
};
// Several instances: one MariaDB database and one Redis, behind a round-robin proxy.
const cluster = instances > 1 ? await startSoakCluster(instances, soakEnv) : undefined;
const service =
  cluster ?? (await startSoakService({ ...soakEnv, DATABASE_URL: `file:${join(dir.dir, 'soak.db')}` }));
process.stderr.write(`soak: ${clients} clients for ${seconds} s against ${service.url}\n`);

const tally = createTally();
const startedMs = performance.now();
const endMs = startedMs + seconds * 1000;

async function client(index: number): Promise<void> {
  const random = mulberry32(index + 1);
  while (performance.now() < endMs && service.exitCode() === null) {
    const operation = drawOperation(random);
    const body = JSON.stringify(operation.build(random));
    const sent = performance.now();
    try {
      const response = await fetch(`${service.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      const text = await response.text();
      let codes: string[] = [];
      try {
        const json = JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] };
        codes = (json.errors ?? []).map((e) => e.extensions?.code ?? 'NO_CODE');
      } catch {
        codes = ['NOT_JSON'];
      }
      record(tally, operation.name, performance.now() - sent, response.status, codes);
    } catch (error) {
      const name = error instanceof Error && error.name === 'TimeoutError' ? 'TIMEOUT' : 'NETWORK';
      record(tally, operation.name, performance.now() - sent, 'network', [name]);
    }
  }
}

const takeSample = () => {
  const sample = sampleMemory(service, startedMs);
  if (sample !== null && service.exitCode() === null) tally.memory.push(sample);
};
const sampler = setInterval(takeSample, MEMORY_EVERY_MS);
takeSample();
const progress = setInterval(() => {
  const done = [...tally.operations.values()].reduce((sum, op) => sum + op.latenciesMs.length, 0);
  const last = tally.memory.at(-1);
  const rss = last === undefined ? 'n/a' : `${(last.rssBytes / 2 ** 20).toFixed(0)} MB`;
  process.stderr.write(
    `  ${Math.round((performance.now() - startedMs) / 1000)} s: ${done} requests, RSS ${rss}\n`,
  );
}, 30_000);

await Promise.all(Array.from({ length: clients }, (_, i) => client(i)));
clearInterval(sampler);
clearInterval(progress);
takeSample();

const alive = service.exitCode() === null;
const summary = summarize(tally, seconds, clients);
const exitCode = await service.stop();
await yahoo.close();
dir.remove();

process.stdout.write(`${formatSummary(summary)}\n`);
if (cluster) process.stdout.write(cluster.instanceReport());
process.stdout.write(
  `service: ${alive ? 'alive at the end' : 'EXITED during the run'}; exit code after SIGTERM ${exitCode}; ` +
    `log lines at warn or above: ${JSON.stringify(service.logCounts)} ${JSON.stringify(service.logMessages)}\n`,
);
if (service.lastLines.length > 0 && (service.logCounts.error ?? 0) + (service.logCounts.fatal ?? 0) > 0) {
  process.stdout.write(`last log lines:\n${service.lastLines.join('\n')}\n`);
}
if (values.json)
  writeFileSync(values.json, `${JSON.stringify({ ...summary, serviceAlive: alive, exitCode }, null, 2)}\n`);

const transport = summary.operations.reduce(
  (sum, op) => sum + (op.errors.NETWORK ?? 0) + (op.errors.TIMEOUT ?? 0),
  0,
);
process.exit(summary.serverErrors > 0 || transport > 0 || !alive || exitCode !== 0 ? 1 : 0);
