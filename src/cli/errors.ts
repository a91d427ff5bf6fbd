/** Exit codes: 2 for a usage problem (bad command, flag or value), 1 for a runtime failure. */
export type ExitCode = 1 | 2;

/** An expected CLI failure: printed as one line on stderr, never with a stack. */
export class CliError extends Error {
  readonly exitCode: ExitCode;
  constructor(message: string, exitCode: ExitCode) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

export const usageError = (message: string) => new CliError(message, 2);
export const runtimeError = (message: string) => new CliError(message, 1);
