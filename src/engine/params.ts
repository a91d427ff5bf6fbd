import type { ParamError, ParamSpecs, ParamValues, StrategyDefinition } from './strategy.ts';

export type ResolvedParams<S extends ParamSpecs> =
  | { readonly ok: true; readonly params: ParamValues<S> }
  | { readonly ok: false; readonly errors: readonly ParamError[] };

/**
 * Validates raw params against a strategy's declaration: unknown names, wrong types, NaN or
 * infinite numbers, non-integers for int, values out of [min, max]. Fills defaults and returns
 * the params with keys sorted (the canonical form used for cache keys). Every problem is reported.
 */
export function resolveParams<S extends ParamSpecs>(
  definition: StrategyDefinition<S>,
  raw: Readonly<Record<string, unknown>> | null | undefined,
): ResolvedParams<S> {
  const errors: ParamError[] = [];
  const input = raw ?? {};
  const specs: ParamSpecs = definition.params;
  for (const name of Object.keys(input)) {
    if (!Object.hasOwn(specs, name)) {
      const known = Object.keys(specs).sort().join(', ') || 'none';
      errors.push({ param: name, message: `unknown param "${name}" (known: ${known})` });
    }
  }
  const values: Record<string, number | boolean> = {};
  for (const name of Object.keys(specs).sort()) {
    const spec = specs[name];
    const value = Object.hasOwn(input, name) && input[name] !== undefined ? input[name] : spec.default;
    if (spec.type === 'boolean') {
      if (typeof value !== 'boolean') errors.push({ param: name, message: `${name} must be a boolean` });
      else values[name] = value;
      continue;
    }
    if (typeof value !== 'number') {
      errors.push({ param: name, message: `${name} must be a number` });
    } else if (!Number.isFinite(value)) {
      errors.push({ param: name, message: `${name} must be a finite number` });
    } else if (spec.type === 'int' && !Number.isInteger(value)) {
      errors.push({ param: name, message: `${name} must be an integer` });
    } else if (spec.min !== undefined && value < spec.min) {
      errors.push({ param: name, message: `${name} must be at least ${spec.min}` });
    } else if (spec.max !== undefined && value > spec.max) {
      errors.push({ param: name, message: `${name} must be at most ${spec.max}` });
    } else {
      values[name] = value;
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  const params = values as ParamValues<S>;
  const crossErrors = definition.validate?.(params) ?? [];
  if (crossErrors.length > 0) return { ok: false, errors: crossErrors };
  return { ok: true, params };
}
