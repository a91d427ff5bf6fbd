import { describe, expect, it } from 'vitest';
import { clientAddress } from '../../src/plugins/client-address.ts';
import { createRateLimiter } from '../../src/rate-limit/token-bucket.ts';

describe('the token-bucket rate limiter', () => {
  it('allows a burst of perMinute, then refuses with the seconds until the next token', () => {
    let nowMs = 0;
    const limiter = createRateLimiter({ perMinute: 6, maxClients: 10, now: () => nowMs });
    for (let i = 0; i < 6; i += 1) expect(limiter.take('a')).toEqual({ allowed: true });
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterS: 10 });
    nowMs += 4_000;
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterS: 6 });
    nowMs += 6_000;
    expect(limiter.take('a')).toEqual({ allowed: true });
    expect(limiter.take('b')).toEqual({ allowed: true });
  });

  it('keeps at most maxClients buckets, forgetting the least recently seen', () => {
    const limiter = createRateLimiter({ perMinute: 1, maxClients: 3, now: () => 0 });
    for (let i = 0; i < 10; i += 1) limiter.take(`client-${i}`);
    expect(limiter.size).toBe(3);
    expect(limiter.take('client-9').allowed).toBe(false);
    // Forgotten: starts again with a full bucket.
    expect(limiter.take('client-0').allowed).toBe(true);
    expect(limiter.size).toBe(3);
  });
});

describe('clientAddress', () => {
  const request = new Request('http://localhost/graphql', {
    headers: { 'x-forwarded-for': '203.0.113.9, 10.0.0.7' },
  });
  const serverContext = { req: { socket: { remoteAddress: '10.0.0.1' } } };

  it('uses the socket address unless the proxy is trusted', () => {
    expect(clientAddress(request, serverContext, false)).toBe('10.0.0.1');
    expect(clientAddress(request, undefined, false)).toBe('unknown');
  });

  it('behind a trusted proxy, takes the address the proxy appended (the last one)', () => {
    expect(clientAddress(request, serverContext, true)).toBe('10.0.0.7');
    expect(clientAddress(new Request('http://localhost/graphql'), serverContext, true)).toBe('10.0.0.1');
  });
});
