import { createHash, timingSafeEqual } from 'node:crypto';
import { AppError } from '../errors.ts';
import type { GraphQLContext } from '../context.ts';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Admin fields need `Authorization: Bearer <ADMIN_TOKEN>`; without ADMIN_TOKEN they are disabled. */
export function assertAdmin(ctx: GraphQLContext): void {
  const token = ctx.services.config.adminToken;
  if (token === undefined) {
    throw new AppError('FORBIDDEN', 'Admin operations are disabled: ADMIN_TOKEN is not configured');
  }
  const given = /^Bearer\s+(.+)$/i.exec(ctx.authorization ?? '')?.[1] ?? '';
  if (!timingSafeEqual(digest(given), digest(token))) {
    throw new AppError('FORBIDDEN', 'Admin operations need a valid bearer token');
  }
}
