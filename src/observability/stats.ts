/** Collects what `serviceStats` reports. */
export function createStatsCollector(now: () => number) {
  const startedAtMs = now();
  return {
    snapshot() {
      return { uptimeS: (now() - startedAtMs) / 1000, startedAt: new Date(startedAtMs).toISOString() };
    },
  };
}

export type StatsCollector = ReturnType<typeof createStatsCollector>;
