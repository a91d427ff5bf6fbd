/** The entry point of a section script: runs it, then prints JSON (`--json`) or a table. */
import { type BenchRow, renderTable, type SectionResult } from './report.ts';

export interface SectionBody {
  rows: BenchRow[];
  notes: string[];
}

/** Progress goes to stderr; stdout carries only the result. */
export function progress(message: string): void {
  process.stderr.write(`  · ${message}\n`);
}

export async function runSection(
  section: string,
  title: string,
  body: () => Promise<SectionBody>,
): Promise<void> {
  const started = performance.now();
  const { rows, notes } = await body();
  const result: SectionResult = { section, title, rows, notes, elapsedMs: performance.now() - started };
  if (process.argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } else {
    process.stdout.write(`${renderTable([result])}\n`);
    for (const note of notes) process.stdout.write(`- ${note}\n`);
  }
}
