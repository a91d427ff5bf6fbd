/** Starts the Yahoo test server (test/support/yahoo-server.ts) in a child process and drives it. */
import { fork } from 'node:child_process';
import type { YahooFault } from '../../test/support/yahoo-server.ts';
import type { SeriesSpec } from '../../test/support/yahoo-series.ts';

export type YahooCommand =
  | { op: 'setFault'; ticker: string; fault: YahooFault | null }
  | { op: 'countFor'; ticker: string }
  | { op: 'addSeries'; ticker: string; spec: SeriesSpec }
  | { op: 'prewarm'; tickers: string[] }
  | { op: 'prepareBodies'; tickers: string[]; period1: number; period2: number; events: string }
  | { op: 'close' };

export interface YahooProcess {
  url: string;
  setFault(ticker: string | '*', fault: YahooFault | null): Promise<void>;
  /** Chart requests the server has answered for a ticker. */
  countFor(ticker: string): Promise<number>;
  addSeries(ticker: string, spec: SeriesSpec): Promise<void>;
  /** Generates these tickers' series now, so later requests measure transfer, not generation. */
  prewarm(tickers: string[]): Promise<void>;
  /** Builds these tickers' chart bodies for exactly this range now (see YahooServer.prepareBodies). */
  prepareBodies(
    tickers: string[],
    range: { period1: number; period2: number; events: string },
  ): Promise<void>;
  close(): Promise<void>;
}

export async function startYahooProcess(): Promise<YahooProcess> {
  const child = fork(new URL('./yahoo-child.ts', import.meta.url), [], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let nextId = 1;
  const url = await new Promise<string>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the Yahoo test server exited with ${code}`)));
    child.on('message', (message: { ready?: string; id?: number; result?: unknown; error?: string }) => {
      if (message.ready !== undefined) resolve(message.ready);
      const call = message.id === undefined ? undefined : pending.get(message.id);
      if (call === undefined) return;
      pending.delete(message.id!);
      if (message.error !== undefined) call.reject(new Error(message.error));
      else call.resolve(message.result);
    });
  });
  const send = <T>(command: YahooCommand) =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      child.send({ id, command });
    });
  return {
    url,
    setFault: (ticker, fault) => send({ op: 'setFault', ticker, fault }),
    countFor: (ticker) => send({ op: 'countFor', ticker }),
    addSeries: (ticker, spec) => send({ op: 'addSeries', ticker, spec }),
    prewarm: (tickers) => send({ op: 'prewarm', tickers }),
    prepareBodies: (tickers, range) => send({ op: 'prepareBodies', tickers, ...range }),
    async close() {
      child.removeAllListeners('exit');
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      await send({ op: 'close' }).catch(() => undefined);
      await exited;
    },
  };
}
