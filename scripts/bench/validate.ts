/**
 * Validation against parsing alone: for generated registers of 1k, 10k and 50k providers,
 * the time of `validate` (load + every check) beside the time csv-parse alone takes to parse
 * the same files, each in a fresh process, median of three. Target: at most 2x, and under
 * 1 GiB peak at 50k.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { BENCH_DIR, ROOT, measure, median } from './measure.ts';

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
    'Generated registers (`kitemark generate --seed 1 --today 2026-11-26`); each figure is the median of three runs in a fresh Node process (`scripts/bench/probes/`), module loading included.',
    '',
    '| providers | rows (all tables) | csv-parse alone | validate | ratio | peak memory (validate) | peak memory (csv-parse) |',
    '|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const size of SIZES) {
    const dir = generated(size);
    const parse = Array.from({ length: RUNS }, () =>
      measure(join(ROOT, 'scripts/bench/probes/parseOnly.ts'), [dir]),
    );
    const validate = Array.from({ length: RUNS }, () =>
      measure(join(ROOT, 'scripts/bench/probes/validate.ts'), [dir]),
    );
    const errors = Number(validate[0]!.stdout.trim());
    if (errors !== 0) throw new Error(`the generated register of ${size} has ${errors} errors`);
    const p = median(parse.map((m) => m.ms));
    const v = median(validate.map((m) => m.ms));
    lines.push(
      `| ${size.toLocaleString('en-GB')} | ${Number(parse[0]!.stdout.trim()).toLocaleString('en-GB')} | ${(p / 1000).toFixed(2)} s | ${(v / 1000).toFixed(2)} s | ${(v / p).toFixed(2)}× | ${median(validate.map((m) => m.peakMiB)).toFixed(0)} MiB | ${median(parse.map((m) => m.peakMiB)).toFixed(0)} MiB |`,
    );
  }
  return lines.join('\n');
}
