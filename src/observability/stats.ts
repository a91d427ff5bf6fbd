/** Collects what `serviceStats` reports. */
export function createStatsCollector(now: () => number) {
  const startedAtMs = now();
  let engineRuns = 0;
  return {
    recordEngineRun() {
      engineRuns += 1;
    },
    snapshot() {
      return { uptimeS: (now() - startedAtMs) / 1000, startedAt: new Date(startedAtMs).toISOString(), engineRuns };
    },
  };
}

export type StatsCollector = ReturnType<typeof createStatsCollector>;
