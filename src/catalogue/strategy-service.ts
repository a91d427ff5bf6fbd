import type { Repository, StoredStrategy } from '../db/repository.ts';
import { BadInputError, NotFoundError } from '../errors.ts';
import type { Logger } from '../observability/logger.ts';
import { asInputError } from '../inputs/bad-input.ts';
import { INLINE_RULES_NAME } from '../inputs/strategy.ts';
import type { SavedStrategies } from '../inputs/strategy-ref.ts';
import { canonicalRules } from '../rules/canonical.ts';
import type { CanonicalRules, RuleStrategyInput } from '../rules/rule-input.ts';
import { getStrategy, listStrategies, type StrategyInfo } from '../strategies/registry.ts';

export type StrategyKind = 'BUILT_IN' | 'RULES';

/** A strategy of the catalogue: a built-in, or a saved rule strategy with its rules. */
export interface CatalogueEntry extends StrategyInfo {
  readonly kind: StrategyKind;
  readonly rules: CanonicalRules | null;
}

export interface SaveStrategyInput {
  name: string;
  description?: string | null;
  rules: RuleStrategyInput;
  replace?: boolean | null;
}

/** Letters, digits, `_` and `-`, starting with a letter: a name that reads well in a URL and a CLI. */
const NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
const MAX_DESCRIPTION = 500;

const builtInName = (name: string): string | undefined =>
  listStrategies().find((s) => s.name.toLowerCase() === name.toLowerCase())?.name;

function toEntry(name: string, description: string, rules: CanonicalRules): CatalogueEntry {
  return {
    name,
    description,
    kind: 'RULES',
    rules,
    params: rules.params.map((p) => ({
      name: p.name,
      type: p.integer ? 'int' : 'float',
      default: p.default,
      min: p.min,
      max: p.max,
      description: `Rule param ${p.name}`,
    })),
  };
}

const fromStored = (s: StoredStrategy): CatalogueEntry =>
  toEntry(s.name, s.description, canonicalRules(s.rules as RuleStrategyInput));

/**
 * The strategy catalogue: the built-ins and the rule strategies saved in the database. Saved
 * names are compared without regard to case and cannot shadow a built-in (nor `rules`, the name
 * of inline rules).
 */
export function createStrategyService(deps: { repository: Repository; now: () => number; logger: Logger }) {
  const builtIns: CatalogueEntry[] = listStrategies().map((s) => ({ ...s, kind: 'BUILT_IN', rules: null }));

  const load = async (name: string): Promise<CatalogueEntry | null> => {
    const stored = await deps.repository.loadStrategy(name);
    return stored === null ? null : fromStored(stored);
  };

  const saved: SavedStrategies = {
    async find(name) {
      if (!NAME.test(name)) return null;
      const entry = await load(name);
      return entry === null ? null : { name: entry.name, rules: entry.rules! };
    },
  };

  return {
    saved,

    /**
     * The built-ins, then the saved strategies. With the database unreachable the built-ins are
     * still listed (they need nothing stored) and the failure is logged.
     */
    async list(): Promise<CatalogueEntry[]> {
      let stored: Awaited<ReturnType<Repository['listStrategies']>>;
      try {
        stored = await deps.repository.listStrategies();
      } catch (error) {
        deps.logger.warn(
          { err: error instanceof Error ? error.message : String(error) },
          'saved strategies unavailable; listing the built-ins only',
        );
        return builtIns;
      }
      return [...builtIns, ...stored.map(fromStored)];
    },

    /** A page of the saved strategies by name: at most `limit` after the one named `afterName`. */
    async listSaved(limit: number, afterName: string | null): Promise<CatalogueEntry[]> {
      const stored = await deps.repository.listStrategies({ limit, afterName: afterName ?? undefined });
      return stored.map(fromStored);
    },

    async get(name: string): Promise<CatalogueEntry | null> {
      const builtIn = getStrategy(name);
      if (builtIn !== undefined) return builtIns.find((s) => s.name === builtIn.name) ?? null;
      return NAME.test(name) ? load(name) : null;
    },

    async save(input: SaveStrategyInput): Promise<CatalogueEntry> {
      const name = input.name.trim();
      if (!NAME.test(name)) {
        throw new BadInputError(
          'input.name',
          'input.name: 1 to 64 letters, digits, _ or -, starting with a letter',
        );
      }
      const taken =
        builtInName(name) ?? (name.toLowerCase() === INLINE_RULES_NAME ? INLINE_RULES_NAME : undefined);
      if (taken !== undefined) {
        throw new BadInputError(
          'input.name',
          `input.name: "${taken}" is a built-in name and cannot be taken`,
        );
      }
      const description = (input.description ?? '').trim();
      if (description.length > MAX_DESCRIPTION) {
        throw new BadInputError(
          'input.description',
          `input.description: at most ${MAX_DESCRIPTION} characters`,
        );
      }
      let rules: CanonicalRules;
      try {
        rules = canonicalRules(input.rules);
      } catch (error) {
        throw asInputError(error, 'input.');
      }
      const at = new Date(deps.now()).toISOString();
      const stored = await deps.repository.saveStrategy(
        { name, description, rules, createdAt: at, updatedAt: at },
        { replace: input.replace === true },
      );
      if (!stored) {
        throw new BadInputError(
          'input.name',
          `input.name: a strategy named "${name}" is already saved; pass replace: true to replace it`,
        );
      }
      const entry = await load(name);
      if (entry === null) throw new NotFoundError(`strategy ${name} vanished while it was saved`);
      return entry;
    },

    async delete(name: string): Promise<boolean> {
      const builtIn = builtInName(name);
      if (builtIn !== undefined) {
        throw new BadInputError('name', `name: "${builtIn}" is a built-in strategy and cannot be deleted`);
      }
      return NAME.test(name) ? deps.repository.deleteStrategy(name) : false;
    },
  };
}

export type StrategyService = ReturnType<typeof createStrategyService>;
