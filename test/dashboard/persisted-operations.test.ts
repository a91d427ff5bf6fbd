/** Persisted (trusted) documents: the operations of schema/operations, sent by hash alone. */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import documents from '../../schema/generated/persisted-documents.json' with { type: 'json' };
import { createHarness, type Harness } from '../support/harness.ts';

const operationsDir = resolve(import.meta.dirname, '..', '..', 'schema', 'operations');
const hashOf = (name: string) => {
  const entry = Object.entries(documents as Record<string, string>).find(([, text]) =>
    new RegExp(`\\b(query|mutation|subscription) ${name}\\b`).test(text),
  );
  if (entry === undefined) throw new Error(`${name} is not in persisted-documents.json`);
  return entry[0];
};
const byHash = (hash: string, variables: Record<string, unknown> = {}) =>
  JSON.stringify({ variables, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });

interface Reply {
  data?: { strategies: { name: string }[] } | null;
  errors?: { message: string; extensions: { code: string } }[];
}

async function post(h: Harness, body: string) {
  const response = await h.app.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  return { status: response.status, json: (await response.json()) as Reply };
}

describe('persisted documents', () => {
  it('hash every operation of schema/operations (npm run codegen wrote the manifest)', () => {
    const names = readdirSync(operationsDir)
      .filter((f) => f.endsWith('.graphql'))
      .flatMap((f) => parse(readFileSync(join(operationsDir, f), 'utf8')).definitions)
      .flatMap((d) => (d.kind === 'OperationDefinition' && d.name ? [d.name.value] : []));
    expect(names).toContain('DashboardBacktest');
    for (const name of names) expect(hashOf(name), name).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  describe.each([
    ['default', {}],
    ['PERSISTED_OPERATIONS_ONLY=true', { PERSISTED_OPERATIONS_ONLY: 'true' }],
  ])('%s', (label, env) => {
    let h: Harness;
    const only = label !== 'default';
    beforeAll(async () => {
      const dir = mkdtempSync(join(tmpdir(), 'bt-persisted-'));
      h = await createHarness({ databaseUrl: `file:${join(dir, 'db.sqlite')}`, env });
    });
    afterAll(() => h?.close());

    it('runs an operation sent by its hash, with or without the sha256: prefix', async () => {
      const hash = hashOf('DashboardStrategies');
      for (const key of [hash, hash.replace(/^sha256:/, '')]) {
        const { status, json } = await post(h, byHash(key));
        expect(status).toBe(200);
        const names = json.data!.strategies.map((s) => s.name);
        expect(names).toContain('SmaCross');
      }
    });

    it('refuses an unknown hash, naming where the hashes are', async () => {
      const { status, json } = await post(h, byHash('0'.repeat(64)));
      expect(status).toBe(400);
      const [error] = json.errors!;
      expect(error.extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
      expect(error.message).toContain('persisted-documents.json');
    });

    it(`answers a request with neither query nor hash with ${only ? 'PERSISTED_QUERY_ONLY' : "yoga's parse error"}`, async () => {
      const { status, json } = await post(h, JSON.stringify({ query: '' }));
      if (only) expect(status).toBe(400);
      expect(json.errors![0].extensions.code).toBe(only ? 'PERSISTED_QUERY_ONLY' : 'GRAPHQL_PARSE_FAILED');
    });

    it(only ? 'refuses a query sent as text, saying why' : 'still runs a query sent as text', async () => {
      const { status, json } = await post(h, JSON.stringify({ query: '{ strategies { name } }' }));
      if (!only) {
        expect(status).toBe(200);
        expect(json.data!.strategies.length).toBeGreaterThan(0);
        return;
      }
      expect(status).toBe(400);
      const [error] = json.errors!;
      expect(error.extensions.code).toBe('PERSISTED_QUERY_ONLY');
      expect(error.message).toContain('PERSISTED_OPERATIONS_ONLY=true');
      expect(json.data ?? null).toBeNull();
    });
  });
});
