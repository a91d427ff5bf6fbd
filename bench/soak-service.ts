/**
 * The service under soak, started as `npm start` does (the node arguments of package.json's
 * `start` script, its memory flags included) as a child process on a free port, logging at warn (a per-request info line would make
 * the driver, not the service, the bottleneck). Each process of it (the launcher and the
 * service it starts) reports its own memory once a second over IPC (soak-memory-probe.ts,
 * loaded with `--import`); the memory of the service is their sum.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { npmStartArgs } from './lib/npm-start.ts';

export interface SoakService {
  url: string;
  pid: number;
  /** Lines the service logged (warn and above), counted by level; the last ones kept. */
  logCounts: Record<string, number>;
  /** The same lines counted by message. */
  logMessages: Record<string, number>;
  lastLines: string[];
  /** The latest memory report of the service process. */
  memory(): ProcessMemory | null;
  exitCode(): number | null;
  stop(): Promise<number | null>;
}

export interface ProcessMemory {
  pid?: number;
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
}

export interface MemorySample {
  atS: number;
  rssBytes: number;
  heapUsedBytes: number | null;
  /** Typed-array backing stores (bars, indicator arrays): outside the JS heap. */
  arrayBufferBytes: number | null;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

const LEVELS: Record<number, string> = { 40: 'warn', 50: 'error', 60: 'fatal' };

export async function startSoakService(env: Record<string, string>): Promise<SoakService> {
  const port = await freePort();
  const probe = resolve(import.meta.dirname, 'soak-memory-probe.ts');
  const child = spawn(process.execPath, ['--import', probe, ...npmStartArgs()], {
    env: { PATH: process.env.PATH ?? '', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const byPid = new Map<number, ProcessMemory>();
  let memory: ProcessMemory | null = null;
  child.on('message', (message: { soakMemory?: ProcessMemory }) => {
    if (message.soakMemory === undefined) return;
    byPid.set(message.soakMemory.pid ?? 0, message.soakMemory);
    const all = [...byPid.values()];
    const sum = (key: 'rss' | 'heapUsed' | 'heapTotal' | 'external' | 'arrayBuffers') =>
      all.reduce((total, m) => total + m[key], 0);
    memory = {
      rss: sum('rss'),
      heapUsed: sum('heapUsed'),
      heapTotal: sum('heapTotal'),
      external: sum('external'),
      arrayBuffers: sum('arrayBuffers'),
    };
  });
  const logCounts: Record<string, number> = {};
  const logMessages: Record<string, number> = {};
  const lastLines: string[] = [];
  const keep = (line: string) => {
    if (line.trim() === '') return;
    const level = /"level":(\d+)/.exec(line)?.[1];
    const name = level === undefined ? 'stderr' : (LEVELS[Number(level)] ?? `level ${level}`);
    logCounts[name] = (logCounts[name] ?? 0) + 1;
    const message = /"msg":"([^"]{0,80})/.exec(line)?.[1] ?? line.slice(0, 80);
    logMessages[message] = (logMessages[message] ?? 0) + 1;
    lastLines.push(line.slice(0, 500));
    if (lastLines.length > 20) lastLines.shift();
  };
  for (const stream of [child.stdout!, child.stderr!]) {
    let rest = '';
    stream.on('data', (chunk: Buffer) => {
      const lines = (rest + chunk.toString()).split('\n');
      rest = lines.pop() ?? '';
      lines.forEach(keep);
    });
  }
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`the service exited with ${child.exitCode}:\n${lastLines.join('\n')}`);
    const ready = await fetch(`${url}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`the service did not become ready:\n${lastLines.join('\n')}`);
    await new Promise((done) => setTimeout(done, 200));
  }
  return {
    url,
    pid: child.pid!,
    logCounts,
    logMessages,
    lastLines,
    memory: () => memory,
    exitCode: () => child.exitCode,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

export function sampleMemory(service: SoakService, startedMs: number): MemorySample | null {
  const memory = service.memory();
  if (memory === null) return null;
  return {
    atS: (performance.now() - startedMs) / 1000,
    rssBytes: memory.rss,
    heapUsedBytes: memory.heapUsed,
    arrayBufferBytes: memory.arrayBuffers,
  };
}
