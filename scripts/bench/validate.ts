/**
 * Validation against parsing alone: for generated registers of 1k, 10k and 50k providers,
 * the time of `validate` (load + every check) beside the time csv-parse alone takes to parse
 * the same files, each in a fresh process, median of three. Target: at most 2x, and under
 * 1 GiB peak at 50k.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { BENCH_DIR, ROOT, measure, median, type Measurement } from './measure.ts';

const SIZES = [1_000, 10_000, 50_000];
const RUNS = 3;

export function generated(providers: number): string {
  const dir = join(BENCH_DIR, `register-${providers}`);
  if (!existsSync(join(dir, 'providers.csv'))) {
    const run = spawnSync(
      process.execPath,
      [
        join(ROOT, 'scripts/cli/kitemark.js'),
        'generate',
        '--providers',
        String(providers),
        '--seed',
        '1',
        '--today',
        '2026-11-26',
        '--out',
        dir,
      ],
      { stdio: 'inherit' },
    );
    if (run.status !== 0) throw new Error(`generate ${providers} failed`);
  }
  return dir;
}

export default async function validateBenchmark(): Promise<string> {
  const lines = [
    '## Validation (`npm run bench validate`)',
    '',
    'Generated registers (`kitemark generate --seed 1 --today 2026-11-26`). Each run is a fresh Node process (`scripts/bench/probes/`); figures are medians of three. "Work" is the time from after module loading to the result: for validate that is reading the files and the postcode reference list, parsing, every check and the cross-table rules; for the baseline it is reading and csv-parse alone. "Process" is the whole command, start-up included.',
    '',
    '| providers | rows (all tables) | csv-parse alone (work) | validate (work) | ratio | validate (process) | peak memory: validate | peak memory: csv-parse |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const size of SIZES) {
    const dir = generated(size);
    const parse = Array.from({ length: RUNS }, () => measure(PROBES.parse, [dir]));
    const validate = Array.from({ length: RUNS }, () => measure(PROBES.validate, [dir]));
    const out = (m: Measurement) =>
      JSON.parse(m.stdout) as { ms: number; rows?: number; errors?: number };
    const errors = out(validate[0]!).errors;
    if (errors !== 0) throw new Error(`the generated register of ${size} has ${errors} errors`);
    const p = median(parse.map((m) => out(m).ms));
    const v = median(validate.map((m) => out(m).ms));
    const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    lines.push(
      [
        size.toLocaleString('en-GB'),
        out(parse[0]!).rows!.toLocaleString('en-GB'),
        seconds(p),
        seconds(v),
        `${(v / p).toFixed(2)}×`,
        seconds(median(validate.map((m) => m.ms))),
        `${median(validate.map((m) => m.peakMiB)).toFixed(0)} MiB`,
        `${median(parse.map((m) => m.peakMiB)).toFixed(0)} MiB`,
      ]
        .join(' | ')
        .replace(/^/, '| ')
        .replace(/$/, ' |'),
    );
  }
  return lines.join('\n');
}

const PROBES = {
  parse: join(ROOT, 'scripts/bench/probes/parseOnly.ts'),
  validate: join(ROOT, 'scripts/bench/probes/validate.ts'),
};
