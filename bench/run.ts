/**
 * `npm run bench`: runs each section in its own process (`node bench/<section>.ts --json`),
 * collects their JSON, prints one table of medians with ratios against baselines measured in the
 * same run, and writes everything to <tmpdir>/backtest-graphql-bench/latest.json.
 *
 *   npm run bench                 every section
 *   npm run bench -- engine http  only these sections
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { renderTable, type SectionResult } from './lib/report.ts';

const SECTIONS = [
  { name: 'engine', file: 'engine.ts' },
  { name: 'data', file: 'data-layers.ts' },
  { name: 'multi', file: 'multi-ticker.ts' },
  { name: 'serialization', file: 'serialization.ts' },
  { name: 'http', file: 'http.ts' },
  { name: 'growth', file: 'growth.ts' },
  { name: 'jobs', file: 'jobs.ts' },
  { name: 'startup', file: 'startup.ts' },
];

interface Failure {
  section: string;
  error: string;
}

function runSectionProcess(file: string): Promise<SectionResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', join(import.meta.dirname, file), '--json'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      const last = stdout.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !last.startsWith('{')) {
        reject(new Error(`${file} exited with ${code}${stdout ? `: ${stdout.slice(-500)}` : ''}`));
        return;
      }
      try {
        resolve(JSON.parse(last) as SectionResult);
      } catch (error) {
        reject(new Error(`${file} printed no JSON result: ${(error as Error).message}`));
      }
    });
  });
}

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = wanted.filter((w) => !SECTIONS.some((s) => s.name === w));
if (unknown.length > 0) {
  process.stderr.write(
    `unknown section(s): ${unknown.join(', ')}; known: ${SECTIONS.map((s) => s.name).join(', ')}\n`,
  );
  process.exit(2);
}
const selected = wanted.length === 0 ? SECTIONS : SECTIONS.filter((s) => wanted.includes(s.name));

const cpu = cpus();
const machine = {
  cpu: cpu[0]?.model.trim() ?? 'unknown',
  cores: cpu.length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  loadAverageAtStart: loadavg().map((x) => Number(x.toFixed(2))),
};
const startedAt = new Date();
const started = performance.now();
process.stderr.write(
  `backtest-graphql benchmarks — ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, load ${machine.loadAverageAtStart.join(' ')}\n`,
);

const results: SectionResult[] = [];
const failures: Failure[] = [];
for (const section of selected) {
  process.stderr.write(`▶ ${section.name}\n`);
  const t0 = performance.now();
  try {
    results.push(await runSectionProcess(section.file));
    process.stderr.write(`  done in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  } catch (error) {
    failures.push({ section: section.name, error: (error as Error).message });
    process.stderr.write(`  FAILED: ${(error as Error).message}\n`);
  }
}
const totalS = (performance.now() - started) / 1000;

const out = process.stdout;
out.write(
  `\nMachine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.platform}\n`,
);
out.write(
  `Date: ${startedAt.toISOString()}; load average at start ${machine.loadAverageAtStart.join(' ')}, at end ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}\n\n`,
);
out.write(`${renderTable(results)}\n\n`);
for (const result of results) for (const note of result.notes) out.write(`- ${note}\n`);
for (const failure of failures) out.write(`- FAILED ${failure.section}: ${failure.error}\n`);

const dir = join(tmpdir(), 'backtest-graphql-bench');
mkdirSync(dir, { recursive: true });
const path = join(dir, 'latest.json');
writeFileSync(
  path,
  `${JSON.stringify({ date: startedAt.toISOString(), totalSeconds: totalS, machine, sections: results, failures }, null, 2)}\n`,
);
out.write(`\nTotal ${totalS.toFixed(1)} s. JSON: ${path}\n`);
process.exitCode = failures.length > 0 ? 1 : 0;
