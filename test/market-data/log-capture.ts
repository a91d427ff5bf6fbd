import { createLogger, type Logger } from '../../src/observability/logger.ts';

export interface CapturedLog {
  level: number;
  msg?: string;
  [key: string]: unknown;
}

/** A real pino logger writing parsed JSON lines into `lines`. */
export function captureLogger(level = 'debug'): { logger: Logger; lines: CapturedLog[] } {
  const lines: CapturedLog[] = [];
  const destination = { write: (line: string) => void lines.push(JSON.parse(line) as CapturedLog) };
  return { logger: createLogger(level, destination), lines };
}
