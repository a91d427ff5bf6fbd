/** Starts a real job worker process (`node src/cli.ts worker`) and reads its JSON log lines. */
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

export interface WorkerProcess {
  child: ChildProcess;
  /** Parsed JSON log lines so far. */
  logs: Record<string, unknown>[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves with the first log line matching, waiting up to timeoutMs. */
  waitForLog(
    match: (line: Record<string, unknown>) => boolean,
    timeoutMs?: number,
  ): Promise<Record<string, unknown>>;
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export async function startWorker(env: Record<string, string>): Promise<WorkerProcess> {
  const child = spawn(process.execPath, [resolve(process.cwd(), 'src/cli.ts'), 'worker'], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', LOG_FORMAT: 'json', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const waiters = new Set<() => void>();
  let buffer = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    raw.push(chunk.toString());
    buffer += chunk.toString();
    let end = buffer.indexOf('\n');
    while (end >= 0) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 1);
      try {
        logs.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        logs.push({ msg: line });
      }
      end = buffer.indexOf('\n');
    }
    for (const wake of waiters) wake();
  });
  child.stdout!.on('data', (chunk: Buffer) => raw.push(chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.on('exit', (code, signal) => {
      done({ code, signal });
      for (const wake of waiters) wake();
    }),
  );
  const waitForLog = (match: (line: Record<string, unknown>) => boolean, timeoutMs = 15_000) =>
    new Promise<Record<string, unknown>>((done, fail) => {
      const check = () => {
        const found = logs.find(match);
        if (found) {
          cleanup();
          done(found);
        } else if (child.exitCode !== null || child.signalCode !== null) {
          cleanup();
          fail(new Error(`worker exited:\n${raw.join('')}`));
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        fail(new Error(`no such worker log within ${timeoutMs} ms:\n${raw.join('')}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      check();
    });
  const worker: WorkerProcess = {
    child,
    logs,
    exited,
    waitForLog,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
  await waitForLog((line) => line.msg === 'worker ready', 30_000);
  return worker;
}
