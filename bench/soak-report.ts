/** The soak's tallies and the report printed at the end. */
import type { MemorySample } from './soak-service.ts';

export interface OperationTally {
  latenciesMs: number[];
  /** GraphQL errors by code, and transport failures as `NETWORK`. */
  errors: Record<string, number>;
}

export interface SoakTally {
  operations: Map<string, OperationTally>;
  statuses: Record<string, number>;
  memory: MemorySample[];
}

export function createTally(): SoakTally {
  return { operations: new Map(), statuses: {}, memory: [] };
}

export function record(
  tally: SoakTally,
  operation: string,
  ms: number,
  status: number | 'network',
  errorCodes: string[],
): void {
  let op = tally.operations.get(operation);
  if (op === undefined) {
    op = { latenciesMs: [], errors: {} };
    tally.operations.set(operation, op);
  }
  op.latenciesMs.push(ms);
  for (const code of errorCodes) op.errors[code] = (op.errors[code] ?? 0) + 1;
  tally.statuses[String(status)] = (tally.statuses[String(status)] ?? 0) + 1;
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

const mb = (bytes: number | null | undefined) =>
  bytes == null ? 'n/a' : `${(bytes / 2 ** 20).toFixed(1)} MB`;
const fixed = (ms: number) => (Number.isNaN(ms) ? '-' : ms < 10 ? ms.toFixed(2) : ms.toFixed(1));

export interface SoakSummary {
  seconds: number;
  clients: number;
  requests: number;
  errors: number;
  serverErrors: number;
  statuses: Record<string, number>;
  operations: {
    name: string;
    count: number;
    errors: Record<string, number>;
    p50Ms: number;
    p99Ms: number;
    maxMs: number;
  }[];
  memory: {
    /** Heap used (or RSS) at the end of each minute, in MB: the trend shows whether growth levels off. */
    perMinuteMb: {
      minute: number;
      rssMb: number;
      heapUsedMb: number | null;
      arrayBuffersMb: number | null;
    }[];
    samples: number;
    rssAfterWarmupBytes: number;
    rssMaxBytes: number;
    rssEndBytes: number;
    heapAfterWarmupBytes: number | null;
    heapMaxBytes: number | null;
    heapEndBytes: number | null;
    arrayBuffersAfterWarmupBytes: number | null;
    arrayBuffersMaxBytes: number | null;
    arrayBuffersEndBytes: number | null;
  };
}

function perMinute(samples: readonly MemorySample[]) {
  const out: SoakSummary['memory']['perMinuteMb'] = [];
  for (const sample of samples) {
    const minute = Math.max(1, Math.ceil(sample.atS / 60));
    const row = {
      minute,
      rssMb: Math.round(sample.rssBytes / 2 ** 20),
      heapUsedMb: sample.heapUsedBytes === null ? null : Math.round(sample.heapUsedBytes / 2 ** 20),
      arrayBuffersMb: sample.arrayBufferBytes === null ? null : Math.round(sample.arrayBufferBytes / 2 ** 20),
    };
    if (out.at(-1)?.minute === minute) out[out.length - 1] = row;
    else out.push(row);
  }
  return out;
}

/** Memory "after warm-up" is the first sample past the first tenth of the run (at least 30 s). */
export function summarize(tally: SoakTally, seconds: number, clients: number): SoakSummary {
  const operations = [...tally.operations].map(([name, op]) => {
    const sorted = [...op.latenciesMs].sort((a, b) => a - b);
    return {
      name,
      count: sorted.length,
      errors: op.errors,
      p50Ms: quantile(sorted, 0.5),
      p99Ms: quantile(sorted, 0.99),
      maxMs: sorted[sorted.length - 1] ?? Number.NaN,
    };
  });
  const warmS = Math.min(Math.max(30, seconds / 10), seconds / 2);
  const samples = tally.memory;
  const warm = samples.find((s) => s.atS >= warmS) ?? samples[0];
  const end = samples[samples.length - 1];
  const heaps = samples.map((s) => s.heapUsedBytes).filter((h): h is number => h !== null);
  const buffers = samples.map((s) => s.arrayBufferBytes).filter((b): b is number => b !== null);
  return {
    seconds,
    clients,
    requests: operations.reduce((sum, op) => sum + op.count, 0),
    errors: operations.reduce((sum, op) => sum + Object.values(op.errors).reduce((a, b) => a + b, 0), 0),
    serverErrors: Object.entries(tally.statuses)
      .filter(([status]) => status.startsWith('5'))
      .reduce((sum, [, n]) => sum + n, 0),
    statuses: tally.statuses,
    operations,
    memory: {
      perMinuteMb: perMinute(samples),
      samples: samples.length,
      rssAfterWarmupBytes: warm?.rssBytes ?? Number.NaN,
      rssMaxBytes: Math.max(...samples.map((s) => s.rssBytes)),
      rssEndBytes: end?.rssBytes ?? Number.NaN,
      heapAfterWarmupBytes: warm?.heapUsedBytes ?? null,
      heapMaxBytes: heaps.length > 0 ? Math.max(...heaps) : null,
      heapEndBytes: end?.heapUsedBytes ?? null,
      arrayBuffersAfterWarmupBytes: warm?.arrayBufferBytes ?? null,
      arrayBuffersMaxBytes: buffers.length > 0 ? Math.max(...buffers) : null,
      arrayBuffersEndBytes: end?.arrayBufferBytes ?? null,
    },
  };
}

export function formatSummary(s: SoakSummary): string {
  const lines = [
    `soak: ${s.seconds} s, ${s.clients} clients, ${s.requests} requests, ${s.errors} GraphQL/network errors, ${s.serverErrors} HTTP 5xx`,
    `HTTP statuses: ${Object.entries(s.statuses)
      .map(([status, n]) => `${status} ×${n}`)
      .join(', ')}`,
    '',
    `${'operation'.padEnd(24)}${'count'.padStart(8)}${'errors'.padStart(8)}${'p50 ms'.padStart(10)}${'p99 ms'.padStart(10)}${'max ms'.padStart(10)}`,
  ];
  for (const op of s.operations) {
    const errors = Object.values(op.errors).reduce((a, b) => a + b, 0);
    lines.push(
      `${op.name.padEnd(24)}${String(op.count).padStart(8)}${String(errors).padStart(8)}${fixed(op.p50Ms).padStart(10)}${fixed(op.p99Ms).padStart(10)}${fixed(op.maxMs).padStart(10)}`,
    );
    if (errors > 0) lines.push(`${''.padEnd(26)}${JSON.stringify(op.errors)}`);
  }
  const m = s.memory;
  lines.push(
    '',
    `memory (${m.samples} samples): RSS ${mb(m.rssAfterWarmupBytes)} after warm-up, ${mb(m.rssMaxBytes)} max, ${mb(m.rssEndBytes)} at the end`,
    `                      heap used ${mb(m.heapAfterWarmupBytes)} after warm-up, ${mb(m.heapMaxBytes)} max, ${mb(m.heapEndBytes)} at the end`,
    `                      array buffers ${mb(m.arrayBuffersAfterWarmupBytes)} after warm-up, ${mb(m.arrayBuffersMaxBytes)} max, ${mb(m.arrayBuffersEndBytes)} at the end`,
    `by minute (RSS / heap / array buffers, MB): ${m.perMinuteMb
      .map((r) => `${r.minute}: ${r.rssMb}/${r.heapUsedMb ?? 'n/a'}/${r.arrayBuffersMb ?? 'n/a'}`)
      .join(', ')}`,
  );
  return lines.join('\n');
}
