import { describe, expect, it } from 'vitest';
import { resolveParams } from '../../src/engine/params.ts';
import { getStrategy, listStrategies, strategyCatalogue } from '../../src/strategies/registry.ts';

const NAMES = [
  'SmaCross',
  'EmaCross',
  'MacdCross',
  'RsiReversion',
  'BollingerReversion',
  'DonchianBreakout',
  'BuyAndHold',
];

describe('strategy catalogue', () => {
  it('holds exactly the built-in strategies of the public contract', () => {
    expect([...strategyCatalogue.keys()]).toEqual(NAMES);
    for (const name of NAMES) expect(getStrategy(name)?.name).toBe(name);
  });

  it('looks names up exactly: case-sensitive, unknown → undefined', () => {
    expect(getStrategy('smacross')).toBeUndefined();
    expect(getStrategy('SMACROSS')).toBeUndefined();
    expect(getStrategy(' SmaCross')).toBeUndefined();
    expect(getStrategy('Nope')).toBeUndefined();
    expect(getStrategy('constructor')).toBeUndefined();
  });

  it('cannot be changed at run time', () => {
    const map = strategyCatalogue as Map<string, unknown>;
    expect(() => map.set('Evil', {})).toThrow(TypeError);
    expect(() => map.delete('SmaCross')).toThrow(TypeError);
    expect(() => map.clear()).toThrow(TypeError);
    expect(getStrategy('SmaCross')).toBeDefined();
    expect(Object.isFrozen(getStrategy('EmaCross'))).toBe(true);
  });

  it('has defaults that pass each strategy own validation', () => {
    for (const definition of strategyCatalogue.values()) {
      const resolved = resolveParams(definition, {});
      expect(resolved.ok, definition.name).toBe(true);
    }
  });

  it('declares stop-loss and take-profit on every strategy, and longOnly where there is a short side', () => {
    for (const definition of strategyCatalogue.values()) {
      expect(definition.params).toHaveProperty('stopLossPct');
      expect(definition.params).toHaveProperty('takeProfitPct');
      expect(definition.params.stopLossPct).toMatchObject({ type: 'float', default: 0, min: 0 });
      expect(definition.params.takeProfitPct).toMatchObject({ type: 'float', default: 0, min: 0, max: 1000 });
      if (definition.name !== 'BuyAndHold') expect(definition.params.longOnly?.type).toBe('boolean');
    }
    expect(getStrategy('BuyAndHold')?.params).not.toHaveProperty('longOnly');
  });

  it('uses the documented defaults', () => {
    const defaults = (name: string) => {
      const resolved = resolveParams(getStrategy(name)!, {});
      if (!resolved.ok) throw new Error(name);
      return resolved.params;
    };
    expect(defaults('EmaCross')).toMatchObject({ fast: 12, slow: 26, longOnly: false });
    expect(defaults('MacdCross')).toMatchObject({ fast: 12, slow: 26, signal: 9, longOnly: false });
    expect(defaults('RsiReversion')).toMatchObject({ period: 14, lower: 30, upper: 70, longOnly: true });
    expect(defaults('BollingerReversion')).toMatchObject({ period: 20, k: 2, longOnly: true });
    expect(defaults('DonchianBreakout')).toMatchObject({ entry: 20, exit: 10, longOnly: true });
    expect(Object.keys(defaults('BuyAndHold')).sort()).toEqual(['stopLossPct', 'takeProfitPct']);
  });

  it.each([
    ['EmaCross', { fast: 30, slow: 20 }, 'fast', /fast \(30\) must be less than slow \(20\)/],
    ['EmaCross', { fast: 20, slow: 20 }, 'fast', /must be less than slow/],
    ['MacdCross', { fast: 26, slow: 12 }, 'fast', /must be less than slow/],
    ['RsiReversion', { lower: 70, upper: 30 }, 'lower', /lower \(70\) must be less than upper \(30\)/],
    ['BollingerReversion', { k: 0 }, 'k', /at least 0.1/],
    ['DonchianBreakout', { entry: 0 }, 'entry', /at least 1/],
    ['RsiReversion', { period: 14.5 }, 'period', /integer/],
    ['BuyAndHold', { stopLossPct: 100 }, 'stopLossPct', /at most 99/],
    ['BuyAndHold', { takeProfitPct: 1001 }, 'takeProfitPct', /at most 1000/],
    ['BuyAndHold', { longOnly: true }, 'longOnly', /unknown param/],
  ])('%s rejects %o naming %s', (name, raw, param, message) => {
    const resolved = resolveParams(getStrategy(name)!, raw);
    expect(resolved.ok).toBe(false);
    if (resolved.ok) return;
    expect(resolved.errors.map((e) => e.param)).toContain(param);
    expect(resolved.errors.find((e) => e.param === param)?.message).toMatch(message);
  });
});

describe('listStrategies', () => {
  it('lists every strategy with typed, bounded, described params', () => {
    const infos = listStrategies();
    expect(infos.map((s) => s.name)).toEqual(NAMES);
    for (const info of infos) {
      expect(info.description.length).toBeGreaterThan(10);
      expect(info.params.length).toBeGreaterThan(0);
      for (const param of info.params) {
        expect(param.description.length).toBeGreaterThan(5);
        if (param.type === 'boolean') {
          expect(typeof param.default).toBe('boolean');
          expect(param.min).toBeNull();
          expect(param.max).toBeNull();
        } else {
          expect(typeof param.default).toBe('number');
          expect(param.min).not.toBeNull();
          expect(param.max).not.toBeNull();
          expect(param.default).toBeGreaterThanOrEqual(param.min!);
          expect(param.default).toBeLessThanOrEqual(param.max!);
        }
      }
    }
  });

  it('describes EmaCross params in declaration order', () => {
    const ema = listStrategies().find((s) => s.name === 'EmaCross')!;
    expect(ema.params.map((p) => p.name)).toEqual([
      'fast',
      'slow',
      'stopLossPct',
      'takeProfitPct',
      'longOnly',
    ]);
    expect(ema.params[0]).toEqual({
      name: 'fast',
      type: 'int',
      default: 12,
      min: 1,
      max: 500,
      description: 'Fast EMA span in bars',
    });
  });
});
