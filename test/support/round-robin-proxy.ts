/**
 * A small round-robin HTTP load balancer for tests of several instances: each request goes to
 * the next upstream in turn; when that upstream cannot be reached or drops the connection before
 * answering, the request is sent once more, to the next upstream. It appends the client's address
 * to X-Forwarded-For, as a real proxy does (run the instances with TRUST_PROXY=true).
 */
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Served {
  /** The upstream index that answered, or null when none did. */
  upstream: number | null;
  /** Whether a first attempt failed and was retried on the next upstream. */
  retried: boolean;
  status: number;
}

export interface RoundRobinProxy {
  url: string;
  /** One entry per request, in arrival order. */
  served: Served[];
  readonly retries: number;
  close(): Promise<void>;
}

interface Answer {
  status: number;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

function forward(target: URL, req: IncomingMessage, body: Buffer, forwardedFor: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers = { ...req.headers, host: target.host, 'x-forwarded-for': forwardedFor };
    delete headers.connection;
    headers['content-length'] = String(body.length);
    const outgoing = httpRequest(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
        res.on('aborted', () => reject(new Error('upstream aborted the response')));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

export async function startRoundRobinProxy(upstreams: readonly string[]): Promise<RoundRobinProxy> {
  const targets = upstreams.map((u) => new URL(u));
  const served: Served[] = [];
  let next = 0;
  let retries = 0;

  async function handle(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
    const client = req.socket.remoteAddress ?? '127.0.0.1';
    const forwardedFor = req.headers['x-forwarded-for']
      ? `${req.headers['x-forwarded-for']}, ${client}`
      : client;
    const first = next++ % targets.length;
    const record: Served = { upstream: null, retried: false, status: 502 };
    served.push(record);
    for (const [attempt, index] of [first, (first + 1) % targets.length].entries()) {
      try {
        const answer = await forward(targets[index], req, body, forwardedFor);
        record.upstream = index;
        record.status = answer.status;
        const headers = { ...answer.headers, 'x-upstream': String(index) };
        delete headers['transfer-encoding'];
        delete headers.connection;
        headers['content-length'] = String(answer.body.length);
        res.writeHead(answer.status, headers);
        res.end(answer.body);
        return;
      } catch {
        if (attempt === 0) {
          record.retried = true;
          retries += 1;
        }
      }
    }
    res.writeHead(502, { 'content-type': 'text/plain' });
    res.end('no upstream answered');
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => void handle(req, res, Buffer.concat(chunks)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    get retries() {
      return retries;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
