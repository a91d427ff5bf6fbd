import { type DefaultConnectionArguments, resolveCursorConnection } from '@pothos/plugin-relay';
import { BadInputError } from '../errors.ts';

const MAX_PAGE = 100;

/**
 * Connection arguments for lists that page forward only (newest first): `first` from 1 to 100,
 * `after` a cursor from a previous page; `last` and `before` are refused by name.
 */
export function forwardOnly(args: DefaultConnectionArguments): DefaultConnectionArguments {
  if (args.last != null)
    throw new BadInputError('last', 'last: this list pages forward only; use first and after');
  if (args.before != null)
    throw new BadInputError('before', 'before: this list pages forward only; use first and after');
  if (args.first != null && (args.first < 1 || args.first > MAX_PAGE)) {
    throw new BadInputError('first', `first must be between 1 and ${MAX_PAGE}`);
  }
  return args;
}

/**
 * One page of a stored list that pages forward only: `load(limit, after)` reads at most `limit`
 * items after the item whose cursor is `after` (null for the first page); 20 by default.
 */
export function forwardPage<T>(
  args: DefaultConnectionArguments,
  toCursor: (item: T) => string,
  load: (limit: number, after: string | null) => Promise<T[]>,
) {
  return resolveCursorConnection<Promise<T[]>>(
    { args: forwardOnly(args), toCursor, defaultSize: 20, maxSize: MAX_PAGE },
    ({ after, limit }) => load(limit, after ?? null),
  );
}
