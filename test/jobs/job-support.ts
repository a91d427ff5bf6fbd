/** Requests and queries shared by the job suites (GOOG from the shared reference data). */
import type { Harness } from '../support/harness.ts';

export const JOB_FIELDS = `id kind state progress runsDone runsTotal createdAt startedAt finishedAt error`;

export interface JobView {
  id: string;
  kind: string;
  state: string;
  progress: number;
  runsDone: number;
  runsTotal: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
}

/** 8 × 9 = 72 combinations, 63 after the constraint: a few chunks. */
export const SMALL_OPTIMIZATION = {
  ticker: 'GOOG',
  from: '2004-08-19',
  to: '2013-03-01',
  strategy: 'SmaCross',
  grid: [
    { name: 'fast', from: 5, to: 40, step: 5 },
    { name: 'slow', from: 20, to: 100, step: 10 },
  ],
  constraint: 'fast < slow',
  maximize: 'sqn',
};

/** About a thousand runs: a second or two, dozens of chunks. */
export const MEDIUM_OPTIMIZATION = {
  ...SMALL_OPTIMIZATION,
  grid: [
    { name: 'fast', from: 2, to: 40, step: 1 },
    { name: 'slow', from: 10, to: 130, step: 4 },
  ],
};

/** Thousands of runs: long enough to be seen running and to be cancelled. */
export const LARGE_OPTIMIZATION = {
  ...SMALL_OPTIMIZATION,
  grid: [
    { name: 'fast', from: 2, to: 80, step: 1 },
    { name: 'slow', from: 10, to: 250, step: 2 },
  ],
};

export const START_OPTIMIZATION = `mutation S($input: OptimizeInput!) { startOptimization(input: $input) { ${JOB_FIELDS} } }`;
export const START_WALK_FORWARD = `mutation W($input: WalkForwardInput!) { startWalkForward(input: $input) { ${JOB_FIELDS} } }`;
export const JOB = `query J($id: ID!) { job(id: $id) { ${JOB_FIELDS}
  optimization { runCount best { params value } runs { params value } heatmap(x: "fast", y: "slow") { x y xValues yValues values } }
  walkForward { efficiency windows { trainFrom trainTo testFrom testTo params inSampleValue outOfSample { returnPct sqn } }
    outOfSample { returnPct sqn equityFinal } equityCurve { date equity } } } }`;

export interface EndedJob extends JobView {
  optimization: {
    runCount: number;
    best: { params: Record<string, number>; value: number | null };
    runs: { params: Record<string, number>; value: number | null }[];
    heatmap: { x: string; y: string; xValues: number[]; yValues: number[]; values: (number | null)[][] };
  } | null;
  walkForward: {
    efficiency: number | null;
    windows: Record<string, unknown>[];
    outOfSample: Record<string, number | null>;
    equityCurve: { date: string; equity: number }[];
  } | null;
}

export async function waitForEnd(h: Pick<Harness, 'gql'>, id: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { data } = await h.gql<{ job: EndedJob }>(JOB, { id });
    const job = data!.job;
    if (!['QUEUED', 'RUNNING'].includes(job.state)) return job;
    if (Date.now() > deadline) throw new Error(`job ${id} still ${job.state}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Reads a graphql-yoga SSE response: the `data:` payload of every `next` event until it completes. */
export async function readSse<T>(response: Response): Promise<T[]> {
  const events: T[] = [];
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (event === 'complete') return events;
      if (data) events.push(JSON.parse(data) as T);
      end = buffer.indexOf('\n\n');
    }
  }
  return events;
}
