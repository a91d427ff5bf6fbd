import { afterEach, describe, expect, it } from 'vitest';
import { type ServiceProcess, startService } from '../support/service-process.ts';

const running: ServiceProcess[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop('SIGKILL')));
});

describe('the real server', () => {
  it('serves /metrics, logs one line per request, and rate-limits by socket address', async () => {
    const service = await startService({ DATABASE_URL: 'file::memory:', RATE_LIMIT_PER_MINUTE: '2' });
    running.push(service);
    const post = () =>
      fetch(`${service.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'proc-req-1' },
        body: JSON.stringify({ query: 'query Catalogue { strategies { name } }' }),
      });
    expect((await post()).status).toBe(200);
    expect((await post()).status).toBe(200);
    const refused = await post();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);

    const metrics = await fetch(`${service.url}/metrics`);
    expect(metrics.status).toBe(200);
    const text = await metrics.text();
    // Every series is labelled with the instance (INSTANCE_ID, else hostname:pid).
    const instance = `instance="[^"]+:${service.child.pid}"`;
    expect(text).toMatch(
      new RegExp(
        `^graphql_operation_duration_seconds_count\\{${instance},operation="Catalogue",outcome="ok"\\} 2$`,
        'm',
      ),
    );
    expect(text).toMatch(
      new RegExp(`^graphql_rejections_total\\{reason="rate_limit",${instance}\\} 1$`, 'm'),
    );
    expect(text).toMatch(new RegExp(`^process_resident_memory_bytes\\{${instance}\\} \\d+`, 'm'));

    const requestLines = () =>
      service.logs
        .join('')
        .split('\n')
        .filter((line) => line.includes('"msg":"request"') && line.includes('"requestId":"proc-req-1"'))
        .map((line) => JSON.parse(line) as { operation: string; status: number });
    await expect.poll(() => requestLines().length).toBe(3);
    expect(requestLines().map((l) => [l.operation, l.status])).toEqual([
      ['Catalogue', 200],
      ['Catalogue', 200],
      // Refused before the body is read: the operation is not known.
      ['unknown', 429],
    ]);
  });
});
