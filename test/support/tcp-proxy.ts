/**
 * A TCP proxy for connection-failure tests. `dropOnNextWrite()` arms every open connection so
 * that the next bytes the client sends make the proxy close both sides without answering, as a
 * restarted or failed-over database server does. Connections opened afterwards pass through.
 */
import { connect, createServer, type Socket } from 'node:net';

export interface TcpProxy {
  readonly port: number;
  /** Connections closed by an armed drop so far. */
  readonly dropped: number;
  dropOnNextWrite(): void;
  stop(): Promise<void>;
}

interface Pair {
  client: Socket;
  upstream: Socket;
  armed: boolean;
}

export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  const pairs = new Set<Pair>();
  let dropped = 0;
  const server = createServer((client) => {
    const pair: Pair = { client, upstream: connect(targetPort, targetHost), armed: false };
    pairs.add(pair);
    const close = () => {
      pairs.delete(pair);
      client.destroy();
      pair.upstream.destroy();
    };
    client.on('data', (chunk) => {
      if (pair.armed) {
        dropped++;
        close();
      } else pair.upstream.write(chunk);
    });
    pair.upstream.on('data', (chunk) => client.write(chunk));
    for (const socket of [client, pair.upstream]) {
      socket.on('error', close);
      socket.on('close', close);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    get dropped() {
      return dropped;
    },
    dropOnNextWrite() {
      for (const pair of pairs) pair.armed = true;
    },
    async stop() {
      for (const pair of pairs) {
        pair.client.destroy();
        pair.upstream.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
