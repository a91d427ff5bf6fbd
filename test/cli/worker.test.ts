import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

describe('cli worker', () => {
  it('refuses to start without QUEUE_URL, naming it, and a bad --concurrency', async () => {
    const bare = await runCli(['worker'], { QUEUE_URL: '' });
    expect(bare.code).toBe(2);
    expect(bare.stderr).toMatch(/^error: worker: QUEUE_URL=redis:\/\/… is required/);
    const bad = await runCli(['worker', '--concurrency', 'many'], { QUEUE_URL: 'redis://127.0.0.1:6379' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--concurrency');
  });

  it('prints its help', async () => {
    const help = await runCli(['worker', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: backtest-graphql worker');
  });
});
