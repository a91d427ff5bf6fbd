import pino from 'pino';
import pretty from 'pino-pretty';
import type { LogFormat } from './log-format.ts';

/** The logging surface every module depends on; pino satisfies it. */
export interface Logger {
  debug(obj: object | string, msg?: string): void;
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
  child(bindings: Record<string, unknown>): Logger;
}

/**
 * A pino logger writing to `destination` (stdout by default): JSON lines, or with `pretty`
 * readable lines (time, level, message, then the fields), written synchronously.
 */
export function createLogger(
  level: string,
  destination?: pino.DestinationStream,
  format: LogFormat = 'json',
): Logger {
  const stream = format === 'pretty' ? pretty({ destination: destination ?? 1, sync: true }) : destination;
  return pino(
    {
      level,
      base: undefined,
      redact: {
        paths: ['*.password', '*.token', '*.authorization', 'databaseUrl', 'cacheUrl'],
        censor: '[redacted]',
      },
    },
    stream,
  ) as unknown as Logger;
}

/** A logger that drops everything: for tests and the CLI's quiet paths. */
export const silentLogger: Logger = createLogger('silent');
