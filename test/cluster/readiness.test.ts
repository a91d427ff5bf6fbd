/**
 * `/readyz` names what is missing: the database, its migrations, the shared cache. The first two
 * make an instance unready (503); without the cache it still serves, each instance on its own.
 */
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { parseConfig } from '../../src/config.ts';
import { silentLogger } from '../../src/observability/logger.ts';
import { createServices } from '../../src/services.ts';

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

const readyz = async (app: ReturnType<typeof createApp>) => {
  const response = await app.fetch('http://localhost/readyz');
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

describe('/readyz', () => {
  it('names the migrations and the cache while they are missing, and the cache alone once migrated', async () => {
    const config = parseConfig({
      DATABASE_URL: `file:${join(mkdtempSync(join(tmpdir(), 'bt-readyz-')), 'test.db')}`,
      CACHE_URL: `redis://127.0.0.1:${await closedPort()}`,
      WARM_ON_START: 'false',
    });
    const services = createServices(config, silentLogger);
    try {
      const app = createApp({ services });
      expect(await readyz(app)).toEqual({
        status: 503,
        body: {
          status: 'not ready',
          ready: false,
          database: 'not-migrated',
          cache: 'unreachable',
          missing: ['migrations', 'cache'],
        },
      });
      await services.migrate();
      expect(await readyz(app)).toEqual({
        status: 200,
        body: { status: 'degraded', ready: true, database: 'ok', cache: 'unreachable', missing: ['cache'] },
      });
    } finally {
      await services.dispose();
    }
  });

  it('without a shared cache configured, reports none and is ready once migrated', async () => {
    const config = parseConfig({
      DATABASE_URL: `file:${join(mkdtempSync(join(tmpdir(), 'bt-readyz-')), 'test.db')}`,
      WARM_ON_START: 'false',
    });
    const services = createServices(config, silentLogger);
    try {
      await services.migrate();
      expect(await readyz(createApp({ services }))).toEqual({
        status: 200,
        body: { status: 'ready', ready: true, database: 'ok', missing: [] },
      });
    } finally {
      await services.dispose();
    }
  });

  it('names the database when it does not answer', async () => {
    const config = parseConfig({
      DATABASE_URL: `mysql://root@127.0.0.1:${await closedPort()}/nothing`,
      WARM_ON_START: 'false',
    });
    const services = createServices(config, silentLogger);
    try {
      const { status, body } = await readyz(createApp({ services }));
      expect(status).toBe(503);
      expect(body).toMatchObject({ ready: false, database: 'unreachable', missing: ['database'] });
    } finally {
      await services.dispose();
    }
  });
});
