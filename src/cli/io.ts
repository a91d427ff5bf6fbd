/** Where a command writes: `out` for results (stdout), `err` for messages (stderr). Lines get a newline. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readonly env: Readonly<Record<string, string | undefined>>;
}
