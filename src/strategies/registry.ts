import type { ParamSpecs, ParamType, StrategyDefinition } from '../engine/strategy.ts';
import { bollingerReversion } from './bollinger-reversion.ts';
import { buyAndHold } from './buy-and-hold.ts';
import { donchianBreakout } from './donchian-breakout.ts';
import { emaCross } from './ema-cross.ts';
import { macdCross } from './macd-cross.ts';
import { rsiReversion } from './rsi-reversion.ts';
import { smaCross } from './sma-cross.ts';

/** Any built-in strategy, with its params widened to the generic declaration. */
export type AnyStrategyDefinition = StrategyDefinition<ParamSpecs>;

/**
 * Every built-in strategy by its exact, case-sensitive name, in catalogue order. Built once from
 * the definitions' own modules and frozen: there is no way to register more at run time.
 */
export const strategyCatalogue: ReadonlyMap<string, AnyStrategyDefinition> = freezeMap(
  [
    widen(smaCross),
    widen(emaCross),
    widen(macdCross),
    widen(rsiReversion),
    widen(bollingerReversion),
    widen(donchianBreakout),
    widen(buyAndHold),
  ].map((definition) => [definition.name, definition] as const),
);

/** The definition named exactly `name` (e.g. `SmaCross`), or undefined. */
export function getStrategy(name: string): AnyStrategyDefinition | undefined {
  return strategyCatalogue.get(name);
}

export interface StrategyParamInfo {
  readonly name: string;
  readonly type: ParamType;
  readonly default: number | boolean;
  /** null for booleans and unbounded numbers. */
  readonly min: number | null;
  readonly max: number | null;
  readonly description: string;
}

export interface StrategyInfo {
  readonly name: string;
  readonly description: string;
  readonly params: readonly StrategyParamInfo[];
}

/** What the `strategies` query lists: every strategy with its params in declaration order. */
export function listStrategies(): readonly StrategyInfo[] {
  return strategyInfos;
}

function toInfo(definition: AnyStrategyDefinition): StrategyInfo {
  const params = Object.entries(definition.params).map(([name, spec]): StrategyParamInfo => {
    const bounded = spec.type === 'boolean' ? { min: undefined, max: undefined } : spec;
    return Object.freeze({
      name,
      type: spec.type,
      default: spec.default,
      min: bounded.min ?? null,
      max: bounded.max ?? null,
      description: spec.description,
    });
  });
  return Object.freeze({
    name: definition.name,
    description: definition.description,
    params: Object.freeze(params),
  });
}

const strategyInfos: readonly StrategyInfo[] = Object.freeze([...strategyCatalogue.values()].map(toInfo));

/**
 * A definition's `init`/`validate` take its own typed params, so TypeScript does not see it as a
 * StrategyDefinition<ParamSpecs>. The engine only ever calls them with params that
 * resolveParams produced from that same declaration, which makes the widening safe.
 */
function widen<S extends ParamSpecs>(definition: StrategyDefinition<S>): AnyStrategyDefinition {
  return definition as unknown as AnyStrategyDefinition;
}

/** A Map whose mutators throw, so the catalogue cannot be changed by accident. */
function freezeMap<K, V>(entries: Iterable<readonly [K, V]>): ReadonlyMap<K, V> {
  const map = new Map<K, V>(entries);
  const refuse = () => {
    throw new TypeError('the strategy catalogue is read-only');
  };
  Object.defineProperties(map, {
    set: { value: refuse },
    delete: { value: refuse },
    clear: { value: refuse },
  });
  return Object.freeze(map);
}
