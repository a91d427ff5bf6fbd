import { resolveParams } from '../engine/params.ts';
import { BadInputError } from '../errors.ts';
import { canonicalRules } from '../rules/canonical.ts';
import type { RuleStrategyInput } from '../rules/rule-input.ts';
import { type AnyStrategyDefinition, getStrategy, strategyCatalogue } from '../strategies/registry.ts';
import { asInputError } from './bad-input.ts';
import { type SavedStrategies, type StrategyRef, strategyFromRef } from './strategy-ref.ts';

/** How a request names its strategy: a built-in or saved strategy by name, or rules inline. */
export interface StrategyChoice {
  strategy?: string | null;
  rules?: RuleStrategyInput | null;
  params?: Record<string, unknown> | null;
}

/** A strategy looked up once per request: its definition and its reference as plain data. */
export interface ResolvedStrategyRef {
  readonly definition: AnyStrategyDefinition;
  readonly ref: StrategyRef;
}

/** …with its params checked and in sorted key order. */
export interface ResolvedStrategy extends ResolvedStrategyRef {
  readonly params: Record<string, number | boolean>;
}

/** The name rules given inline run under. */
export const INLINE_RULES_NAME = 'rules';

/**
 * Exactly one of `strategy` (a built-in name, or a saved rule strategy's name in any case) and
 * `rules`; `at` is the input object's path (`input`). Rules are validated and canonicalized here.
 */
export async function resolveStrategyRef(
  choice: StrategyChoice,
  saved: SavedStrategies,
  at = 'input',
): Promise<ResolvedStrategyRef> {
  const name = choice.strategy == null || choice.strategy === '' ? null : choice.strategy;
  const inline = choice.rules ?? null;
  if (name !== null && inline !== null) {
    throw new BadInputError(`${at}.rules`, `${at}.rules: give either strategy or rules, not both`);
  }
  let ref: StrategyRef;
  if (inline !== null) {
    try {
      ref = { name: INLINE_RULES_NAME, rules: canonicalRules(inline) };
    } catch (error) {
      throw asInputError(error, `${at}.`);
    }
  } else if (name === null) {
    throw new BadInputError(`${at}.strategy`, `${at}.strategy: give a strategy name, or rules`);
  } else if (getStrategy(name) !== undefined) {
    ref = { name, rules: null };
  } else {
    const found = await saved.find(name);
    if (found === null) {
      const known = [...strategyCatalogue.keys()].join(', ');
      throw new BadInputError(
        `${at}.strategy`,
        `${at}.strategy: unknown strategy "${name.slice(0, 60)}" (built-in: ${known}; or a saved strategy's name)`,
      );
    }
    ref = { name: found.name, rules: found.rules };
  }
  try {
    return { definition: strategyFromRef(ref), ref };
  } catch (error) {
    throw asInputError(error, `${at}.`);
  }
}

/** resolveStrategyRef, then the params checked against the strategy (defaults filled, keys sorted). */
export async function resolveStrategy(
  choice: StrategyChoice,
  saved: SavedStrategies,
  at = 'input',
): Promise<ResolvedStrategy> {
  const resolved = await resolveStrategyRef(choice, saved, at);
  return { ...resolved, params: canonicalParams(resolved.definition, choice.params, `${at}.params`) };
}

/** Params with defaults filled in and keys sorted; every problem is listed, the first names the field. */
export function canonicalParams(
  definition: AnyStrategyDefinition,
  raw: Record<string, unknown> | null | undefined,
  prefix = 'input.params',
): Record<string, number | boolean> {
  const resolved = resolveParams(definition, raw ?? {});
  if (!resolved.ok) {
    const first = resolved.errors[0];
    throw new BadInputError(
      `${prefix}.${first.param}`,
      resolved.errors.map((e) => `${prefix}.${e.param}: ${e.message}`).join('; '),
    );
  }
  const sorted: Record<string, number | boolean> = {};
  for (const key of Object.keys(resolved.params).sort())
    sorted[key] = resolved.params[key] as number | boolean;
  return sorted;
}
