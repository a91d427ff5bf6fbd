/** How log lines are written: one JSON object per line, or pino-pretty's readable lines. */
export type LogFormat = 'pretty' | 'json';

/** `LOG_FORMAT` when set; otherwise readable lines on a terminal and JSON everywhere else. */
export function chooseLogFormat(forced: LogFormat | undefined, isTTY: boolean | undefined): LogFormat {
  return forced ?? (isTTY === true ? 'pretty' : 'json');
}
