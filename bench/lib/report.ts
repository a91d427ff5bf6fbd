/** The shape every section prints with `--json`, and the table the runner prints from it. */

export interface BenchRow {
  /** Stable id within the section, e.g. `goog-run`. */
  id: string;
  label: string;
  /** Median time of one operation, in milliseconds. */
  medianMs: number;
  p99Ms?: number;
  /** Requests per second (HTTP rows). */
  requestsPerSec?: number;
  samples: number;
  /** Id of the row in the same section this one is compared with (ratio = medianMs / its medianMs). */
  baseline?: string;
  /** A target to show beside the figure, and whether this run met it. */
  target?: { text: string; met: boolean };
  /** Derived figures: bars/s, ns per bar, provider calls… */
  extra?: string;
}

export interface SectionResult {
  section: string;
  title: string;
  rows: BenchRow[];
  notes: string[];
  elapsedMs: number;
}

/** A row's ratio to its baseline; HTTP rows compare mean time per request (1 / throughput). */
export function ratioOf(row: BenchRow, rows: readonly BenchRow[]): number | null {
  if (row.baseline === undefined) return null;
  const base = rows.find((r) => r.id === row.baseline);
  if (base === undefined) return null;
  if (row.requestsPerSec !== undefined && base.requestsPerSec !== undefined && row.requestsPerSec > 0) {
    return base.requestsPerSec / row.requestsPerSec;
  }
  return base.medianMs > 0 ? row.medianMs / base.medianMs : null;
}

export function formatMs(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '';
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  if (ms >= 1) return `${ms.toFixed(2)} ms`;
  if (ms >= 0.001) return `${(ms * 1000).toFixed(ms >= 0.1 ? 0 : 1)} µs`;
  return `${(ms * 1e6).toFixed(0)} ns`;
}

function formatRatio(ratio: number | null): string {
  if (ratio === null) return '';
  if (ratio >= 100) return `${ratio.toFixed(0)}×`;
  if (ratio >= 10) return `${ratio.toFixed(1)}×`;
  return `${ratio.toFixed(2)}×`;
}

export function formatCount(value: number): string {
  if (value >= 1e9) return `${(value / 1e9).toFixed(2)} G`;
  if (value >= 1e6) return `${(value / 1e6).toFixed(2)} M`;
  if (value >= 1e4) return `${(value / 1e3).toFixed(1)} k`;
  return value.toFixed(value >= 100 ? 0 : 1);
}

const HEADERS = ['section', 'benchmark', 'median', 'p99', 'req/s', 'vs baseline', 'target', 'notes'];

/** One markdown table (aligned) for every section's rows. */
export function renderTable(sections: readonly SectionResult[]): string {
  const lines: string[][] = [];
  for (const section of sections) {
    for (const row of section.rows) {
      const ratio = ratioOf(row, section.rows);
      const base = section.rows.find((r) => r.id === row.baseline);
      lines.push([
        section.title,
        row.label,
        formatMs(row.medianMs),
        formatMs(row.p99Ms),
        row.requestsPerSec === undefined ? '' : formatCount(row.requestsPerSec),
        row.baseline !== undefined
          ? `${formatRatio(ratio)} ${base ? `(${base.id})` : ''}`.trim()
          : section.rows.some((r) => r.baseline === row.id)
            ? `baseline (${row.id})`
            : '',
        row.target === undefined ? '' : `${row.target.met ? 'met' : 'MISSED'}: ${row.target.text}`,
        row.extra ?? '',
      ]);
    }
  }
  const widths = HEADERS.map((h, c) => Math.max(h.length, ...lines.map((l) => l[c].length)));
  const numeric = new Set([2, 3, 4, 5]);
  const cell = (text: string, c: number) =>
    numeric.has(c) ? text.padStart(widths[c]) : text.padEnd(widths[c]);
  const out = [
    `| ${HEADERS.map(cell).join(' | ')} |`,
    `|${widths.map((w, c) => (numeric.has(c) ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`,
    ...lines.map((l) => `| ${l.map(cell).join(' | ')} |`),
  ];
  return out.join('\n');
}
