import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { chooseLogFormat } from '../../src/observability/log-format.ts';
import { createLogger } from '../../src/observability/logger.ts';

function capture(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

/** Starts `node src/main.ts` with stdout a pipe and returns its stdout once it has logged "listening". */
function firstLines(env: Record<string, string>): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [resolve('src/main.ts')], {
      env: {
        PATH: process.env.PATH ?? '',
        PORT: '0',
        DATABASE_URL: 'file::memory:',
        WARM_ON_START: 'false',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`no "listening" line:\n${out}`));
    }, 15_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('listening') && out.endsWith('\n')) {
        clearTimeout(timer);
        child.kill('SIGKILL');
        done(out);
      }
    });
  });
}

describe('log format', () => {
  it('is JSON unless the output is a terminal; LOG_FORMAT forces either', () => {
    expect(chooseLogFormat(undefined, false)).toBe('json');
    expect(chooseLogFormat(undefined, undefined)).toBe('json');
    expect(chooseLogFormat(undefined, true)).toBe('pretty');
    expect(chooseLogFormat('json', true)).toBe('json');
    expect(chooseLogFormat('pretty', false)).toBe('pretty');
  });

  it('pretty lines are readable, not JSON, and still redact secrets', () => {
    const out = capture();
    createLogger('info', out.stream, 'pretty').info(
      { ticker: 'AAPL', request: { token: 'secret' } },
      'warmed',
    );
    const lines = out.text().trim().split('\n');
    expect(() => JSON.parse(lines[0])).toThrow();
    expect(lines[0]).toMatch(/INFO.*warmed/);
    expect(out.text()).toMatch(/ticker: "AAPL"/);
    expect(out.text()).not.toContain('secret');
  });

  it('the server writes JSON lines to a pipe, and readable lines with LOG_FORMAT=pretty', async () => {
    const json = await firstLines({});
    for (const line of json.trim().split('\n')) expect(() => JSON.parse(line), line).not.toThrow();
    expect(json).toContain('"msg":"listening"');

    const pretty = await firstLines({ LOG_FORMAT: 'pretty' });
    const listening = pretty.split('\n').find((line) => line.includes('listening'))!;
    expect(() => JSON.parse(listening)).toThrow();
    expect(listening).toMatch(/INFO.*listening/);
    expect(pretty).toMatch(/url: "http:\/\/127\.0\.0\.1:\d+\/graphql"/);
  });
});
