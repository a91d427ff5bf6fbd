import { describe, expect, it } from 'vitest';
import { createProgressThrottle } from '../../src/jobs/progress-throttle.ts';

describe('createProgressThrottle', () => {
  it('passes the first report, every 2 % step, one a second otherwise, and the last', () => {
    const pass = createProgressThrottle();
    expect(pass(0.001, 0)).toBe(true);
    expect(pass(0.01, 10)).toBe(false);
    expect(pass(0.021, 20)).toBe(true);
    expect(pass(0.03, 500)).toBe(false);
    expect(pass(0.031, 1_020)).toBe(true);
    expect(pass(0.032, 1_030)).toBe(false);
    expect(pass(1, 1_040)).toBe(true);
  });
});
