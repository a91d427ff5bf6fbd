/**
 * The reference data sets (never committed): the folder `npm run fetch-data` fills
 * (`.data/reference`) when it holds every file, else ../shared/data beside the repository.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DERIVED_FILES, REFERENCE_FILES } from './reference-files.ts';

const root = resolve(import.meta.dirname, '..', '..');

/** Where `npm run fetch-data` writes. */
export const fetchedDataDir = resolve(root, '.data', 'reference');
/** The folder beside the repository. */
export const siblingDataDir = resolve(root, '..', 'shared', 'data');

const fetchedComplete = REFERENCE_FILES.every((file) => existsSync(resolve(fetchedDataDir, file.name)));

export const sharedDataDir = fetchedComplete ? fetchedDataDir : siblingDataDir;
export const sharedDataAvailable = existsSync(resolve(sharedDataDir, 'GOOG.csv'));

/** A file of the reference data: from `sharedDataDir`, or from ../shared/data when only it has it. */
export function sharedDataPath(name: string): string {
  const chosen = resolve(sharedDataDir, name);
  return existsSync(chosen) ? chosen : resolve(siblingDataDir, name);
}

/** The derived `reference/…` files, which cannot be fetched (see reference-files.ts). */
export const derivedDataAvailable = DERIVED_FILES.every((name) => existsSync(sharedDataPath(name)));

/** Call at module level of a suite that needs the shared data: warns visibly when it is absent. */
export function warnIfNoSharedData(suite: string): void {
  if (!sharedDataAvailable)
    console.warn(
      `SKIPPED ${suite}: no reference data in ${fetchedDataDir} or ${siblingDataDir} (run \`npm run fetch-data\`)`,
    );
}

/** Call at module level of a suite that compares against the derived `reference/…` files. */
export function warnIfNoDerivedData(suite: string): void {
  if (!derivedDataAvailable)
    console.warn(`SKIPPED ${suite}: ${DERIVED_FILES.join(', ')} are absent (they are not downloadable)`);
}
