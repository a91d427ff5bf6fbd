/** The reference data sets in ../shared/data beside the repository (never copied into it). */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const sharedDataDir = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data');
export const sharedDataAvailable = existsSync(resolve(sharedDataDir, 'GOOG.csv'));

/** Call at module level of a suite that needs the shared data: warns visibly when it is absent. */
export function warnIfNoSharedData(suite: string): void {
  if (!sharedDataAvailable)
    console.warn(`SKIPPED ${suite}: reference data folder ${sharedDataDir} is absent`);
}
