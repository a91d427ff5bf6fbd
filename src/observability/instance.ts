import { hostname } from 'node:os';

/** The name of this instance in logs and metrics: INSTANCE_ID, else `hostname:pid`. */
export function instanceName(configured: string | undefined): string {
  return configured ?? `${hostname()}:${process.pid}`;
}
