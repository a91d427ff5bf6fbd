import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Spawns the real CLI (`node src/cli.ts …`) with this Node and collects its output. */
export function runCli(args: readonly string[], env: Record<string, string> = {}): Promise<CliRun> {
  return runNode([resolve('src/cli.ts'), ...args], env);
}

/** Spawns this Node with `args` (quiet logs unless `env` says otherwise) and collects its output. */
export function runNode(args: readonly string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, {
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}
