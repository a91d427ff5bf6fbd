/**
 * Three real service processes on one MariaDB database and one Redis (a redis-server of this
 * suite's own, so it can be killed and restarted), behind a round-robin proxy that retries a
 * failed upstream once on the next instance; prices from the local Yahoo server, which counts
 * the provider calls.
 */
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_ENV, requiredService } from '../faults/fault-support.ts';
import { type Cluster, startCluster } from '../support/cluster.ts';
import { createTestDatabase, dropTestDatabase } from '../support/mysql.ts';
import { type OwnRedis, redisServerAvailable, startOwnRedis } from '../support/redis-server.ts';
import { startYahooServer, type YahooServer } from '../support/yahoo-server.ts';
import { counterValue, type Reply, runLoad, send } from './load.ts';

const baseUrl = requiredService('TEST_DATABASE_URL', 'test/scale/instances.test.ts');
const haveRedisServer = redisServerAvailable();
if (!haveRedisServer) console.warn('[test/scale/instances.test.ts] redis-server is not installed: skipped.');

const SERIES = `query ($t: String!) {
  priceSeries(ticker: $t, from: "2021-01-04", to: "2022-12-30") { source stale barCount }
}`;
const BACKTEST_QUERY = `query ($t: String!, $params: JSONObject) {
  backtest(input: { ticker: $t, from: "2021-01-04", to: "2022-12-30", strategy: "SmaCross", params: $params }) {
    key cached stats { returnPct tradeCount sqn }
  }
}`;
const backtest = (url: string, ticker: string, fast: number) =>
  send(url, BACKTEST_QUERY, { t: ticker, params: { fast, slow: 30 } });
const PORTFOLIO = `mutation ($input: PortfolioBacktestInput!) {
  runPortfolioBacktest(input: $input) { id stats { equityFinal } }
}`;
const RUN_BY_ID = `query ($id: ID!) { portfolioBacktest(id: $id) { id stats { equityFinal } } }`;
const START_JOB = `mutation ($input: OptimizeInput!) { startOptimization(input: $input) { id state } }`;
const JOB_STATE = `query ($id: ID!) { job(id: $id) { id state runsDone runsTotal startedAt
  optimization { runCount best { params value } } } }`;
const OPTIMIZE = `mutation ($input: OptimizeInput!) { optimizeStrategy(input: $input) { runCount best { params value } } }`;
/** Job leases short enough for a takeover within the test: lapsed after 2 s, swept every 0.5 s. */
const JOB_LEASE_MS = 2_000;
const JOB_TAKEOVER_INTERVAL_MS = 500;

interface JobReply {
  id: string;
  state: string;
  runsDone: number;
  runsTotal: number;
  startedAt: string | null;
  optimization: { runCount: number; best: { params: Record<string, number>; value: number | null } } | null;
}
const jobOn = async (url: string, id: string) => (await send(url, JOB_STATE, { id })).data?.job as JobReply;

const portfolioInput = (cash: number) => ({
  holdings: [
    { ticker: 'SCALEA', weight: 0.5 },
    { ticker: 'SCALEB', weight: 0.5 },
  ],
  from: '2021-01-04',
  to: '2022-12-30',
  rebalance: 'MONTHLY',
  cash,
});

const failures = (replies: readonly Reply[]) =>
  replies
    .filter((r) => r.status !== 200 || r.codes.length > 0)
    .map((r) => `${r.status} ${r.codes.join(',')}`);

describe.skipIf(!baseUrl || !haveRedisServer)('three instances as one service', () => {
  /** Every distinct portfolio request sent by any test (by its cash), answered or not. */
  const portfolioCash = new Set<number>();
  const dbName = `test_scale_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6).toString(36)}`;
  let databaseUrl: string;
  let redis: OwnRedis;
  let yahoo: YahooServer;
  let cluster: Cluster;
  let env: Record<string, string>;

  beforeAll(async () => {
    databaseUrl = await createTestDatabase(baseUrl!, dbName);
    redis = await startOwnRedis();
    yahoo = await startYahooServer({ recordedDir: null });
    // Slow enough that requests for a cold series on every instance overlap.
    yahoo.setFault('*', { latencyMs: 400 });
    env = {
      ...BASE_ENV,
      DATABASE_URL: databaseUrl,
      CACHE_URL: redis.url,
      YAHOO_BASE_URL: yahoo.url,
      YAHOO_TIMEOUT_MS: '5000',
      RATE_LIMIT_PER_MINUTE: '0',
      JOB_LEASE_MS: String(JOB_LEASE_MS),
      JOB_TAKEOVER_INTERVAL_MS: String(JOB_TAKEOVER_INTERVAL_MS),
      // Room for the optimizeStrategy that checks a taken-over job's result.
      REQUEST_TIMEOUT_MS: '30000',
    };
    cluster = await startCluster({ count: 3, env });
  }, 120_000);

  afterAll(async () => {
    await cluster?.stop();
    await redis?.stop();
    await yahoo?.close();
    if (databaseUrl) await dropTestDatabase(baseUrl!, dbName);
  }, 60_000);

  const instanceUrls = () => cluster.instances.map((i) => i.url);
  const sumCounter = async (name: string, labels: Record<string, string>) => {
    let total = 0;
    for (const url of instanceUrls()) total += await counterValue(url, name, labels);
    return total;
  };

  it('60 identical cold requests spread over the three cost exactly one provider call', async () => {
    const replies = await Promise.all(
      Array.from({ length: 60 }, () => send(cluster.proxy.url, SERIES, { t: 'SCOLD' })),
    );
    expect(failures(replies)).toEqual([]);
    const counts = new Set(
      replies.map((r) => (r.data?.priceSeries as { barCount: number } | undefined)?.barCount),
    );
    expect(counts.size).toBe(1);
    expect([...counts][0]).toBeGreaterThan(400);
    // Every instance answered its share, and the provider was asked once.
    for (const upstream of ['0', '1', '2'])
      expect(replies.filter((r) => r.upstream === upstream)).toHaveLength(20);
    expect(yahoo.countFor('SCOLD')).toBe(1);
    expect(await sumCounter('shared_flight_total', { outcome: 'led' })).toBe(1);
    expect(await sumCounter('shared_flight_total', { outcome: 'gave_up' })).toBe(0);
    expect(await sumCounter('shared_flight_total', { outcome: 'alone' })).toBe(0);
    // Each instance labels its metrics and every log line with its own name.
    for (const [i, url] of instanceUrls().entries()) {
      expect(await (await fetch(`${url}/metrics`)).text()).toContain(`instance="instance-${i + 1}"`);
      const lines = cluster.instances[i].logs
        .join('')
        .split('\n')
        .filter((l) => l.startsWith('{'));
      expect(lines.length).toBeGreaterThan(5);
      expect(lines.filter((l) => JSON.parse(l).instance !== `instance-${i + 1}`)).toEqual([]);
    }
  });

  it('a backtest run on instance 1 is answered cached by instances 2 and 3', async () => {
    const [first, second, third] = cluster.instances;
    const run = (url: string) => backtest(url, 'SBT', 10);
    const one = await run(first.url);
    expect(failures([one])).toEqual([]);
    const onFirst = one.data?.backtest as { key: string; cached: boolean; stats: unknown };
    expect(onFirst.cached).toBe(false);
    for (const other of [second, third]) {
      const reply = await run(other.url);
      expect(failures([reply])).toEqual([]);
      expect(reply.data?.backtest).toEqual({ ...onFirst, cached: true });
    }
    expect(yahoo.countFor('SBT')).toBe(1);
  });

  it('the same portfolio run sent to the three at the same moment is stored once, with one id for all', async () => {
    portfolioCash.add(7_777);
    const replies = await Promise.all(
      Array.from({ length: 12 }, () => send(cluster.proxy.url, PORTFOLIO, { input: portfolioInput(7_777) })),
    );
    expect(failures(replies)).toEqual([]);
    const ids = new Set(replies.map((r) => (r.data?.runPortfolioBacktest as { id: string } | undefined)?.id));
    expect(ids.size).toBe(1);
    for (const upstream of ['0', '1', '2'])
      expect(replies.filter((r) => r.upstream === upstream)).toHaveLength(4);
  });

  it('a client at RATE_LIMIT_PER_MINUTE=30 gets 429 after 30 requests in total, whichever instances served them', async () => {
    const limited = await startCluster({
      count: 3,
      env: { ...env, RATE_LIMIT_PER_MINUTE: '30' },
      instancePrefix: 'limited',
    });
    try {
      const replies: Reply[] = [];
      for (let i = 0; i < 40; i += 1) replies.push(await send(limited.proxy.url, '{ __typename }'));
      const statuses = replies.map((r) => r.status);
      expect(statuses.slice(0, 30)).toEqual(Array(30).fill(200));
      expect(statuses.slice(30)).toEqual(Array(10).fill(429));
      expect(replies.slice(30).every((r) => r.codes[0] === 'RATE_LIMITED')).toBe(true);
      // The 30 were served by all three instances, ten each: no instance let the client through alone.
      for (const upstream of ['0', '1', '2']) {
        expect(replies.slice(0, 30).filter((r) => r.upstream === upstream)).toHaveLength(10);
      }
      // Another client has its own allowance.
      const other = await fetch(`${limited.instances[0].url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.7' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(other.status).toBe(200);
    } finally {
      await limited.stop();
    }
  }, 120_000);

  it('a job started on instance 1 keeps its id when instances 2 and 3 get the same request, and any instance reports it', async () => {
    const START = `mutation ($input: OptimizeInput!) { startOptimization(input: $input) { id state } }`;
    const JOB = `query ($id: ID!) { job(id: $id) { id state runsDone runsTotal } }`;
    const input = {
      ticker: 'SBT',
      from: '2021-01-04',
      to: '2022-12-30',
      strategy: 'SmaCross',
      grid: [
        // About 6000 runs: long enough to be running when the others ask, and a result well within
        // MariaDB's default max_allowed_packet (16 MB) when stored.
        { name: 'fast', from: 2, to: 50, step: 1 },
        { name: 'slow', from: 10, to: 250, step: 2 },
      ],
      constraint: 'fast < slow',
    };
    const [first, second, third] = cluster.instances;
    const started = await send(first.url, START, { input });
    expect(failures([started])).toEqual([]);
    const job = started.data?.startOptimization as { id: string; state: string };
    for (const other of [second, third]) {
      const again = await send(other.url, START, { input });
      expect(failures([again])).toEqual([]);
      expect(again.data?.startOptimization).toMatchObject({ id: job.id });
    }
    await expect
      .poll(async () => (await send(third.url, JOB, { id: job.id })).data?.job, {
        timeout: 60_000,
        interval: 250,
      })
      .toMatchObject({ id: job.id, state: 'SUCCEEDED' });
    const ended = (await send(second.url, JOB, { id: job.id })).data?.job as {
      runsDone: number;
      runsTotal: number;
    };
    expect(ended.runsDone).toBe(ended.runsTotal);
    expect(ended.runsTotal).toBeGreaterThan(5_000);
  }, 90_000);

  it('Redis killed and restarted mid-load: no request fails, and the instances share again without restarts', async () => {
    const pids = cluster.instances.map((i) => i.child.pid);
    const replies: Reply[] = [];
    const readiness: unknown[] = [];
    let fresh = 0;
    const load = runLoad(16, 9_000, async (client, iteration) => {
      const kind = (client + iteration) % 4;
      if (kind === 0) replies.push(await send(cluster.proxy.url, SERIES, { t: 'SCOLD' }));
      else if (kind === 1) replies.push(await backtest(cluster.proxy.url, 'SBT', 5 + (iteration % 10)));
      else if (kind === 2)
        replies.push(
          await send(cluster.proxy.url, SERIES, { t: `SRD${(fresh++).toString(36).toUpperCase()}` }),
        );
      else {
        portfolioCash.add(20_000 + client);
        replies.push(await send(cluster.proxy.url, PORTFOLIO, { input: portfolioInput(20_000 + client) }));
      }
    });
    await new Promise((r) => setTimeout(r, 2_000));
    await redis.kill();
    await new Promise((r) => setTimeout(r, 1_500));
    readiness.push(await (await fetch(`${cluster.instances[0].url}/readyz`)).json());
    const readyStatus = (await fetch(`${cluster.instances[1].url}/readyz`)).status;
    await new Promise((r) => setTimeout(r, 1_500));
    await redis.start();
    await load;

    expect(failures(replies)).toEqual([]);
    expect(replies.length).toBeGreaterThan(50);
    // Without Redis the instances stay ready, and say what is missing.
    expect(readiness[0]).toMatchObject({
      status: 'degraded',
      ready: true,
      cache: 'unreachable',
      missing: ['cache'],
    });
    expect(readyStatus).toBe(200);

    // Recovery without restarts: the cache, the single flight and readiness are shared again.
    await expect
      .poll(
        async () => {
          const reports = await Promise.all(
            instanceUrls().map(async (u) => (await fetch(`${u}/readyz`)).json()),
          );
          return reports.map((r) => (r as { missing: string[] }).missing);
        },
        { timeout: 20_000, interval: 500 },
      )
      .toEqual([[], [], []]);
    const [first, second] = cluster.instances;
    await expect
      .poll(
        async () => {
          const ticker = `SRB${(fresh++).toString(36).toUpperCase()}`;
          await send(first.url, SERIES, { t: ticker });
          return (await send(second.url, SERIES, { t: ticker })).data?.priceSeries;
        },
        { timeout: 20_000, interval: 500 },
      )
      .toMatchObject({ source: 'MEMORY' });
    const burst = await Promise.all(
      Array.from({ length: 30 }, () => send(cluster.proxy.url, SERIES, { t: 'SAFTER' })),
    );
    expect(failures(burst)).toEqual([]);
    expect(yahoo.countFor('SAFTER')).toBe(1);
    expect(cluster.instances.map((i) => i.child.pid)).toEqual(pids);
    expect(cluster.instances.every((i) => i.child.exitCode === null)).toBe(true);
  }, 90_000);

  it('SIGKILL of one instance during a 32-client load: the others answer, retried requests succeed, no run or job lost or duplicated', async () => {
    const replies: (Reply & { cash?: number })[] = [];
    const SHARED_CASH = 5_000;
    const retriesBefore = cluster.proxy.retries;
    const victim = cluster.instances[2];
    const [first, second] = cluster.instances;

    // A long job runs on the instance about to die (about 6000 runs over 8 years of bars: several
    // seconds, so it is still running when the instance dies and again when a survivor reruns it).
    const longJob = {
      ticker: 'SJOB',
      from: '2015-01-02',
      to: '2022-12-30',
      strategy: 'SmaCross',
      grid: [
        { name: 'fast', from: 2, to: 80, step: 1 },
        { name: 'slow', from: 10, to: 250, step: 1 },
      ],
      constraint: 'fast < slow',
    };
    const startedLong = await send(victim.url, START_JOB, { input: longJob });
    expect(failures([startedLong])).toEqual([]);
    const longId = (startedLong.data!.startOptimization as { id: string }).id;
    await expect
      .poll(
        async () => {
          const job = await jobOn(victim.url, longId);
          return job.state === 'RUNNING' && job.runsDone > 0;
        },
        { timeout: 20_000, interval: 50 },
      )
      .toBe(true);
    const onVictim = await jobOn(victim.url, longId);

    /** Every client starts a small job of its own, and now and then the long one again. */
    const ownJob = (client: number) => ({
      ticker: 'SBT',
      from: '2021-01-04',
      to: '2022-12-30',
      strategy: 'SmaCross',
      grid: [
        { name: 'fast', from: 5, to: 40, step: 5 },
        { name: 'slow', from: 50 + client, to: 130 + client, step: 10 },
      ],
    });
    const jobReplies: { client: number | 'long'; reply: Reply }[] = [];
    const load = runLoad(32, 8_000, async (client, iteration) => {
      const kind = iteration % 4;
      if (kind === 0 && iteration === 4)
        jobReplies.push({
          client,
          reply: await send(cluster.proxy.url, START_JOB, { input: ownJob(client) }),
        });
      else if (kind === 0 && iteration % 8 === 0 && client % 4 === 0)
        jobReplies.push({
          client: 'long',
          reply: await send(cluster.proxy.url, START_JOB, { input: longJob }),
        });
      else if (kind === 0) replies.push(await send(cluster.proxy.url, SERIES, { t: 'SCOLD' }));
      else if (kind === 1) replies.push(await backtest(cluster.proxy.url, 'SBT', 5 + (client % 10)));
      else {
        // Every client runs new portfolios and, now and then, the same one as all the others.
        const cash = kind === 3 && iteration % 8 === 3 ? SHARED_CASH : 100_000 + client * 1000 + iteration;
        portfolioCash.add(cash);
        const reply = await send(cluster.proxy.url, PORTFOLIO, { input: portfolioInput(cash) });
        replies.push({ ...reply, cash });
      }
    });
    await new Promise((r) => setTimeout(r, 2_500));
    const beforeKill = await jobOn(victim.url, longId);
    expect(beforeKill).toMatchObject({ state: 'RUNNING', startedAt: onVictim.startedAt });
    expect(beforeKill.runsDone).toBeLessThan(beforeKill.runsTotal);
    victim.child.kill('SIGKILL');
    await victim.exited;
    const killedMs = performance.now();
    const killedAtEpochMs = Date.now();
    const killedAt = cluster.proxy.served.length;
    // A survivor takes the long job over once the dead instance's lease lapsed: it starts again.
    const takenOver = (async () => {
      for (;;) {
        const job = await jobOn(first.url, longId);
        if (job.startedAt !== onVictim.startedAt) return { job, afterMs: performance.now() - killedMs };
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    await load;

    expect(failures(replies)).toEqual([]);
    expect(cluster.proxy.retries).toBeGreaterThan(retriesBefore);
    const afterKill = cluster.proxy.served.slice(killedAt);
    expect(afterKill.length).toBeGreaterThan(20);
    expect(afterKill.every((s) => s.status === 200 && (s.upstream === 0 || s.upstream === 1))).toBe(true);

    // One id per distinct request, whichever instance ran it or retried it.
    const runs = replies.filter((r) => r.cash !== undefined);
    const idsByCash = new Map<number, Set<string>>();
    for (const r of runs) {
      const id = (r.data?.runPortfolioBacktest as { id: string } | undefined)?.id ?? 'missing';
      idsByCash.set(r.cash!, (idsByCash.get(r.cash!) ?? new Set()).add(id));
    }
    expect([...idsByCash.values()].every((ids) => ids.size === 1)).toBe(true);
    expect(idsByCash.get(SHARED_CASH)?.size).toBe(1);
    const ids = [...idsByCash.values()].map((s) => [...s][0]);

    // Every id a client got is stored once, and readable through the survivors.
    const connection = await mysql.createConnection({ uri: databaseUrl });
    try {
      const [rows] = await connection.query(
        `select id, request_hash from backtest_runs where id in (${ids.map(() => '?').join(',')})`,
        ids,
      );
      const stored = rows as { id: string; request_hash: string }[];
      expect(stored.map((r) => r.id).sort()).toEqual([...ids].sort());
      expect(new Set(stored.map((r) => r.request_hash)).size).toBe(ids.length);
      // And nothing else was stored: one row per distinct request any client sent, in all tests.
      const [[{ total }]] = (await connection.query(
        'select count(*) as total from backtest_runs',
      )) as unknown as [{ total: number }[]];
      expect(Number(total)).toBe(portfolioCash.size);
    } finally {
      await connection.end();
    }
    for (const id of ids.slice(0, 20)) {
      const reply = await send(cluster.proxy.url, RUN_BY_ID, { id });
      expect((reply.data?.portfolioBacktest as { id: string } | null)?.id).toBe(id);
    }

    // The long job: taken over by one survivor once the dead instance's lease lapsed, run again
    // there, and ended with every run done and the result an uninterrupted run gives.
    const { job: rerun, afterMs: runningAgainMs } = await takenOver;
    const uninterrupted = send(first.url, OPTIMIZE, { input: longJob });
    expect(rerun.state).toBe('RUNNING');
    // Running again once the survivor's queue reaches it (it may have queued jobs of its own).
    expect(runningAgainMs).toBeLessThan(20_000);
    const takeoverLogs = [first, second].flatMap((i) =>
      i.logs
        .join('')
        .split('\n')
        .filter((l) => l.startsWith('{') && l.includes('"job taken over"'))
        .map((l) => JSON.parse(l) as { job: string; trigger: string; time: number }),
    );
    const longTakeovers = takeoverLogs.filter((l) => l.job === longId);
    expect(longTakeovers).toMatchObject([{ trigger: 'sweep' }]);
    const takenAfterMs = longTakeovers[0].time - killedAtEpochMs;
    // Not while the lease (renewed every third of it) could still stand; within a lease and a sweep.
    expect(takenAfterMs).toBeGreaterThan(JOB_LEASE_MS / 4);
    expect(takenAfterMs).toBeLessThan(JOB_LEASE_MS + JOB_TAKEOVER_INTERVAL_MS + 1_500);
    const sweeps = await Promise.all(
      [first, second].map((i) => counterValue(i.url, 'jobs_taken_over_total', { trigger: 'sweep' })),
    );
    expect(sweeps[0] + sweeps[1]).toBe(takeoverLogs.filter((l) => l.trigger === 'sweep').length);
    await expect
      .poll(async () => (await jobOn(second.url, longId)).state, { timeout: 60_000, interval: 100 })
      .toBe('SUCCEEDED');
    const ended = await jobOn(first.url, longId);
    expect(ended.runsDone).toBe(ended.runsTotal);
    expect(ended.optimization!.runCount).toBe(ended.runsTotal);
    const direct = await uninterrupted;
    expect(failures([direct])).toEqual([]);
    expect(ended.optimization!.best).toEqual((direct.data!.optimizeStrategy as { best: unknown }).best);

    // Every start of the long job through the proxy got its id; each client's own job has one id
    // and ends SUCCEEDED, also those the dead instance had queued or was running.
    expect(failures(jobReplies.map((j) => j.reply))).toEqual([]);
    const idOf = (reply: Reply) => (reply.data!.startOptimization as { id: string }).id;
    const longStarts = jobReplies.filter((j) => j.client === 'long');
    expect(longStarts.length).toBeGreaterThan(5);
    expect(new Set(longStarts.map((j) => idOf(j.reply)))).toEqual(new Set([longId]));
    const own = jobReplies.filter((j) => j.client !== 'long');
    expect(new Set(own.map((j) => j.client)).size).toBe(own.length);
    expect(own.length).toBeGreaterThan(20);
    const ownIds = own.map((j) => idOf(j.reply));
    for (const id of ownIds) {
      await expect
        .poll(async () => (await jobOn(second.url, id)).state, { timeout: 30_000, interval: 100 })
        .toBe('SUCCEEDED');
    }
    const jobIds = [longId, ...ownIds];
    const db = await mysql.createConnection({ uri: databaseUrl });
    try {
      // One row for each job key: no start or takeover stored a second job.
      const [rows] = await db.query(
        `select j.id, (select count(*) from jobs k where k.job_key = j.job_key) as same_key
         from jobs j where j.id in (${jobIds.map(() => '?').join(',')})`,
        jobIds,
      );
      const stored = rows as { id: string; same_key: number }[];
      expect(stored.map((r) => r.id).sort()).toEqual([...jobIds].sort());
      expect(stored.filter((r) => Number(r.same_key) !== 1)).toEqual([]);
    } finally {
      await db.end();
    }
  }, 150_000);
});
