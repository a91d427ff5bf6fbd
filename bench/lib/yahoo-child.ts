/**
 * The Yahoo test server in its own process, so that generating chart bodies does not use the
 * measured process's CPU. Driven over IPC by yahoo-process.ts.
 */
import { startYahooServer } from '../../test/support/yahoo-server.ts';
import type { YahooCommand } from './yahoo-process.ts';

const server = await startYahooServer({ recordedDir: null });

async function handle(command: YahooCommand): Promise<unknown> {
  switch (command.op) {
    case 'setFault':
      server.setFault(command.ticker, command.fault);
      return null;
    case 'countFor':
      return server.countFor(command.ticker);
    case 'addSeries':
      server.addSeries(command.ticker, command.spec);
      return null;
    case 'prepareBodies':
      server.prepareBodies(command.tickers, command.period1, command.period2, command.events);
      return null;
    case 'prewarm':
      // One tiny request per ticker makes the server generate (and keep) its series now.
      for (const ticker of command.tickers) {
        await fetch(`${server.url}/v8/finance/chart/${ticker}?period1=0&period2=86400&interval=1d`).then(
          (r) => r.text(),
        );
      }
      return null;
    case 'close':
      await server.close();
      setImmediate(() => process.exit(0));
      return null;
  }
}

process.on('message', (message: { id: number; command: YahooCommand }) => {
  handle(message.command).then(
    (result) => process.send?.({ id: message.id, result }),
    (error: Error) => process.send?.({ id: message.id, error: error.message }),
  );
});
process.send?.({ ready: server.url });
