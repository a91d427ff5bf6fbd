import pino from 'pino';

/** The logging surface every module depends on; pino satisfies it. */
export interface Logger {
  debug(obj: object | string, msg?: string): void;
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
  child(bindings: Record<string, unknown>): Logger;
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: {
        paths: ['*.password', '*.token', '*.authorization', 'databaseUrl', 'cacheUrl'],
        censor: '[redacted]',
      },
    },
    destination,
  ) as unknown as Logger;
}

/** A logger that drops everything: for tests and the CLI's quiet paths. */
export const silentLogger: Logger = createLogger('silent');
