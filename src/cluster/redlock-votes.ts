import { ExecutionError, ResourceLockedError } from '@sesamecare-oss/redlock';

/**
 * True when a Redlock operation failed because the lock is held by another value (another
 * holder, or for an extension: the lease is no longer this holder's), not because Redis failed.
 */
export async function lockedByAnother(error: unknown): Promise<boolean> {
  if (!(error instanceof ExecutionError) || error.attempts.length === 0) return false;
  const stats = await error.attempts[error.attempts.length - 1];
  const reasons = [...stats.votesAgainst.values()];
  return reasons.length > 0 && reasons.every((reason) => reason instanceof ResourceLockedError);
}
