import { resolveParams } from '../engine/params.ts';
import { BadInputError } from '../errors.ts';
import { type AnyStrategyDefinition, getStrategy } from '../strategies/registry.ts';

/** A strategy looked up once per request, with its params checked and in sorted key order. */
export interface ResolvedStrategy {
  readonly definition: AnyStrategyDefinition;
  readonly params: Record<string, number | boolean>;
}

export function strategyOrThrow(name: string, field = 'input.strategy'): AnyStrategyDefinition {
  const definition = getStrategy(name);
  if (definition === undefined) {
    throw new BadInputError(field, `${field}: unknown strategy "${name.slice(0, 60)}"`);
  }
  return definition;
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

/** `name` and `params` of a request, resolved; `at` is the input object's path (`input`, `input.holdings`). */
export function resolveStrategy(
  name: string,
  params: Record<string, unknown> | null | undefined,
  at = 'input',
): ResolvedStrategy {
  const definition = strategyOrThrow(name, `${at}.strategy`);
  return { definition, params: canonicalParams(definition, params, `${at}.params`) };
}
