/**
 * Decides which progress reports are passed on (written and published): the first, any that
 * moves progress by at least `minStep` since the last one passed, any `maxIntervalMs` after it,
 * and the last (progress 1).
 */
export function createProgressThrottle(options: { minStep?: number; maxIntervalMs?: number } = {}) {
  const minStep = options.minStep ?? 0.02;
  const maxIntervalMs = options.maxIntervalMs ?? 1_000;
  let lastProgress = Number.NEGATIVE_INFINITY;
  let lastAt = Number.NEGATIVE_INFINITY;
  return (progress: number, nowMs = performance.now()): boolean => {
    if (progress >= 1 || progress - lastProgress >= minStep || nowMs - lastAt >= maxIntervalMs) {
      lastProgress = progress;
      lastAt = nowMs;
      return true;
    }
    return false;
  };
}
