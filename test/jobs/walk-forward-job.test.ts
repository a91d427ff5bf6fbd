import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriesToBars } from '../../src/backtests/series-input.ts';
import { utcMsToDate } from '../../src/dates.ts';
import { walkForward } from '../../src/engine/optimizer/walk-forward.ts';
import { canonicalOptions, toEngineOptions } from '../../src/inputs/options.ts';
import { smaCross } from '../../src/strategies/sma-cross.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { sharedDataAvailable, sharedDataDir, warnIfNoSharedData } from '../support/shared-data.ts';
import { type JobView, SMALL_OPTIMIZATION, START_WALK_FORWARD, waitForEnd } from './job-support.ts';

warnIfNoSharedData('walk-forward jobs on GOOG');

const WALK = { ...SMALL_OPTIMIZATION, trainBars: 500, testBars: 250 };

describe.skipIf(!sharedDataAvailable)('walk-forward as a job', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({
      databaseUrl: 'file::memory:',
      env: { PRICE_PROVIDER: 'csv', PRICE_CSV_DIR: sharedDataDir },
    });
  });
  afterAll(() => h.close());

  it('ends SUCCEEDED with what walkForward gives on the same bars', async () => {
    const started = await h.gql<{ startWalkForward: JobView }>(START_WALK_FORWARD, { input: WALK });
    expect(started.errors).toBeUndefined();
    const job = started.data!.startWalkForward;
    expect(job.kind).toBe('WALK_FORWARD');
    const ended = await waitForEnd(h, job.id);
    expect(ended.state).toBe('SUCCEEDED');
    expect(ended.optimization).toBeNull();

    const [series] = await h.services.seriesReader.loadMany([
      { ticker: 'GOOG', from: WALK.from, to: WALK.to, adjusted: true },
    ]);
    if (series instanceof Error) throw series;
    const bars = seriesToBars(series);
    const direct = walkForward({
      bars,
      strategy: smaCross,
      grid: WALK.grid,
      constraint: WALK.constraint,
      maximize: WALK.maximize,
      options: toEngineOptions(canonicalOptions({})),
      trainBars: WALK.trainBars,
      testBars: WALK.testBars,
    });
    expect(ended.runsTotal).toBe(direct.runCount);
    const wf = ended.walkForward!;
    expect(wf.windows).toHaveLength(direct.windows.length);
    wf.windows.forEach((w, k) => {
      const d = direct.windows[k];
      expect(w).toMatchObject({
        trainFrom: utcMsToDate(bars.time[d.trainFrom]),
        trainTo: utcMsToDate(bars.time[d.trainTo - 1]),
        testFrom: utcMsToDate(bars.time[d.testFrom]),
        testTo: utcMsToDate(bars.time[d.testTo - 1]),
        params: { ...d.params },
        inSampleValue: d.inSampleValue,
      });
      expect((w.outOfSample as { returnPct: number }).returnPct).toBeCloseTo(d.outOfSample.returnPct, 9);
    });
    expect(wf.outOfSample.returnPct).toBeCloseTo(direct.outOfSample.returnPct, 9);
    expect(wf.efficiency).toBe(direct.efficiency);
    expect(wf.equityCurve).toHaveLength(direct.equityCurve.length);
    expect(wf.equityCurve[0].date).toBe(utcMsToDate(bars.time[direct.testFrom]));
    expect(wf.equityCurve.at(-1)!.equity).toBe(direct.equityCurve.at(-1));
  }, 60_000);

  it('refuses testBars 0 naming input.testBars', async () => {
    const res = await h.gql(START_WALK_FORWARD, { input: { ...WALK, testBars: 0 } });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.testBars' });
  });
});
