/** Starts the real service (`node src/main.ts`) as a child process on a free port. */
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

export interface ServiceProcess {
  url: string;
  child: ChildProcess;
  logs: string[];
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] }>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  /** Resolves once `/readyz` answers 200 (the database migrated): until then /graphql answers 503. */
  ready(timeoutMs?: number): Promise<void>;
}

export async function startService(
  env: Record<string, string>,
  cwd = process.cwd(),
): Promise<ServiceProcess> {
  const child = spawn(process.execPath, [resolve(process.cwd(), 'src/main.ts')], {
    cwd,
    env: { PATH: process.env.PATH ?? '', WARM_ON_START: 'false', LOG_LEVEL: 'info', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`service did not start:\n${logs.join('')}`)), 15_000);
    const onData = (chunk: Buffer) => {
      logs.push(chunk.toString());
      const match = /"url":"(http:\/\/[^"]+)\/graphql"/.exec(logs.join(''));
      if (match) {
        clearTimeout(timer);
        done(match[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
    void exited.then((code) => fail(new Error(`service exited with ${code}:\n${logs.join('')}`)));
  });
  return {
    url,
    child,
    logs,
    exited,
    async gql(query, variables) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as never;
    },
    async ready(timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const status = await fetch(`${url}/readyz`).then(
          (r) => r.status,
          () => 0,
        );
        if (status === 200) return;
        if (Date.now() > deadline) throw new Error(`service not ready within ${timeoutMs} ms:\n${logs.join('')}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}
