import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './register.ts';

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `kitemark` command, as a user would. */
export function kitemark(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): CliResult {
  const run = spawnSync(process.execPath, [join(ROOT, 'scripts/cli/kitemark.js'), ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, KITEMARK_TODAY: '2026-06-01', ...options.env },
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
