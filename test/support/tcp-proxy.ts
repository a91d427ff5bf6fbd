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
  /**
   * `down`: every open connection is cut and new ones are closed at once, like a stopped server;
   * `blackhole`: new connections are accepted and never answered, like an unreachable host;
   * `up`: traffic passes again.
   */
  setMode(mode: 'up' | 'down' | 'blackhole'): void;
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
  let mode: 'up' | 'down' | 'blackhole' = 'up';
  const held = new Set<Socket>();
  const server = createServer((client) => {
    if (mode === 'down') {
      client.destroy();
      return;
    }
    if (mode === 'blackhole') {
      held.add(client);
      client.on('error', () => held.delete(client));
      client.on('close', () => held.delete(client));
      return;
    }
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
    setMode(next) {
      mode = next;
      if (next !== 'up') {
        for (const pair of pairs) {
          pair.client.destroy();
          pair.upstream.destroy();
        }
      } else {
        for (const socket of held) socket.destroy();
      }
    },
    async stop() {
      for (const socket of held) socket.destroy();
      for (const pair of pairs) {
        pair.client.destroy();
        pair.upstream.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
