import type { ConfigError } from '../config.ts';
import { CliError } from './errors.ts';
import { MAIN_HELP } from './help.ts';
import type { CliIo } from './io.ts';

type Command = (argv: readonly string[], io: CliIo) => Promise<number>;

// Each command loads its own modules (the engine; the database, cache and provider stacks) only
// when it runs.
const store = () => import('./store-commands.ts');
const COMMANDS: Readonly<Record<string, Command>> = {
  'walk-forward': async (argv, io) =>
    (await import('./walk-forward-command.ts')).walkForwardCommand(argv, io),
  worker: async (argv, io) => (await import('./worker-command.ts')).workerCommand(argv, io),
  backtest: async (argv, io) => (await import('./backtest-command.ts')).backtestCommand(argv, io),
  optimize: async (argv, io) => (await import('./optimize-command.ts')).optimizeCommand(argv, io),
  import: async (argv, io) => (await store()).importCommand(argv, io),
  warm: async (argv, io) => (await store()).warmCommand(argv, io),
  migrate: async (argv, io) => (await store()).migrateCommand(argv, io),
};

/**
 * Runs one command and returns the exit code: 0 success, 1 runtime failure, 2 usage error.
 * Every failure is one message on stderr, never a stack trace.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    io.out(MAIN_HELP);
    return 0;
  }
  if (name === undefined) {
    io.err(MAIN_HELP);
    return 2;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (command === undefined) {
    io.err(`error: unknown command "${name}" (commands: ${Object.keys(COMMANDS).join(', ')})`);
    return 2;
  }
  try {
    return await command(rest, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`error: ${error.message}`);
      return error.exitCode;
    }
    if (isConfigError(error)) {
      io.err(error.message);
      return 1;
    }
    io.err(`error: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

/** By name: importing config.ts (and zod with it) would slow every command down, even `backtest`. */
function isConfigError(error: unknown): error is ConfigError {
  return error instanceof Error && error.name === 'ConfigError';
}
