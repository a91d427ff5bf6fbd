/**
 * `npm run fetch-data`: downloads the reference data (REFERENCE_FILES) from its public GitHub
 * repositories at pinned commits, checks every file's SHA-256 and writes it into
 * `.data/reference`. A file already there with the right checksum is kept. A file whose
 * checksum differs is not written, and the command exits 1.
 *
 * REFERENCE_DATA_BASE_URL replaces `https://raw.githubusercontent.com` (a mirror, tests);
 * REFERENCE_DATA_DIR replaces the destination folder.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { REFERENCE_FILES, type ReferenceFile } from './reference-files.ts';

const DEFAULT_BASE_URL = 'https://raw.githubusercontent.com';
const TIMEOUT_MS = 60_000;

const baseUrl = (process.env.REFERENCE_DATA_BASE_URL || DEFAULT_BASE_URL).replace(/\/+$/, '');
const destination = resolve(
  process.env.REFERENCE_DATA_DIR || resolve(import.meta.dirname, '..', '..', '.data', 'reference'),
);

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function urlOf(file: ReferenceFile): string {
  const path = file.path.split('/').map(encodeURIComponent).join('/');
  return `${baseUrl}/${file.repo}/${file.commit}/${path}`;
}

/** Returns an error message, or null when the file is in place with the pinned checksum. */
async function fetchOne(file: ReferenceFile): Promise<string | null> {
  const target = resolve(destination, file.name);
  if (existsSync(target) && sha256(readFileSync(target)) === file.sha256) {
    console.log(`up to date  ${file.name}`);
    return null;
  }
  const url = urlOf(file);
  let bytes: Uint8Array;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (!response.ok) return `${file.name}: ${url} answered HTTP ${response.status}`;
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    return `${file.name}: cannot download ${url}: ${error instanceof Error ? error.message : String(error)}`;
  }
  const actual = sha256(bytes);
  if (actual !== file.sha256)
    return `${file.name}: checksum mismatch, refused (SHA-256 ${actual}, expected ${file.sha256}) from ${url}`;
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(`${target}.part`, bytes);
  renameSync(`${target}.part`, target);
  console.log(`fetched     ${file.name}`);
  return null;
}

const errors: string[] = [];
for (const file of REFERENCE_FILES) {
  const error = await fetchOne(file);
  if (error !== null) errors.push(error);
}
if (errors.length > 0) {
  for (const error of errors) console.error(`fetch-data: ${error}`);
  console.error(`fetch-data: ${errors.length} of ${REFERENCE_FILES.length} files not written`);
  process.exit(1);
}
console.log(`reference data in ${destination}`);
