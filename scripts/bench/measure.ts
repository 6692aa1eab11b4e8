/**
 * Runs a script in a fresh Node process and reports its wall time and peak memory, so each
 * measurement starts cold and one cannot inflate another's heap.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '../..');
export const BENCH_DIR = join(ROOT, '.bench');

export interface Measurement {
  ms: number;
  /** Peak resident set size in MiB. */
  peakMiB: number;
  /** CPU time of the process (user + system), in milliseconds, where it was measured. */
  cpuMs?: number;
  stdout: string;
}

/** Runs `node --import tsx script args` in a fresh process: wall time and peak RSS. */
export function measure(
  script: string,
  args: string[] = [],
  env: NodeJS.ProcessEnv = {},
): Measurement {
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--import', join(import.meta.dirname, 'reportPeak.ts'), script, ...args],
    { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 30 },
  );
  const ms = performance.now() - started;
  if (run.status !== 0 && run.status !== 1) {
    throw new Error(`${script} failed (${run.status}): ${run.stderr.slice(-2000)}`);
  }
  const peakKiB = Number(/KITEMARK_PEAK_KIB (\d+)/.exec(run.stderr)?.[1] ?? NaN);
  const cpuMs = Number(/KITEMARK_CPU_MS (\d+)/.exec(run.stderr)?.[1] ?? NaN);
  return { ms, peakMiB: peakKiB / 1024, cpuMs, stdout: run.stdout };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
