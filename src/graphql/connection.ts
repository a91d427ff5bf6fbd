import type { DefaultConnectionArguments } from '@pothos/plugin-relay';
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
