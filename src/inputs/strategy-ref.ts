import { defineRuleStrategy } from '../rules/define.ts';
import type { CanonicalRules } from '../rules/rule-input.ts';
import { type AnyStrategyDefinition, getStrategy } from '../strategies/registry.ts';

/**
 * A strategy as plain data, so it can cross worker threads, processes and job queues: a built-in
 * by name (`rules` null), or rule strategy rules (inline, named `rules`, or saved under a name).
 */
export interface StrategyRef {
  readonly name: string;
  readonly rules: CanonicalRules | null;
}

/** The definition a reference stands for; throws when a built-in name is unknown. */
export function strategyFromRef(ref: StrategyRef): AnyStrategyDefinition {
  if (ref.rules !== null) return defineRuleStrategy(ref.rules, ref.name);
  const definition = getStrategy(ref.name);
  if (definition === undefined) throw new Error(`unknown built-in strategy "${ref.name}"`);
  return definition;
}

/** Where saved rule strategies are found by name (the database, behind the strategy service). */
export interface SavedStrategies {
  /** The saved rules of that name (any case), or null. */
  find(name: string): Promise<{ name: string; rules: CanonicalRules } | null>;
}
