/**
 * Validation against parsing alone: for generated registers of 1k, 10k and 50k providers,
 * the time of `validate` (load + every check) beside the time csv-parse alone takes to parse
 * the same files in the same run, and the cold start and peak memory of a fresh process.
 * Target: at most 2x, and under 1 GiB peak at 50k.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { BENCH_DIR, ROOT, measure, median, type Measurement } from './measure.ts';

const SIZES = [1_000, 10_000, 50_000];
const RUNS = 3;

/**
 * A generated register of this size, cached in .bench/ under a name that changes with the
 * generator and the schemas, so a benchmark never measures a register of an older standard.
 */
export function generated(providers: number): string {
  const hash = createHash('sha256').update(
    readFileSync(join(ROOT, 'scripts/lib/generateRegister.ts')),
  );
  for (const name of readdirSync(join(ROOT, 'schema')).sort())
    hash.update(name).update(readFileSync(join(ROOT, 'schema', name)));
  const dir = join(BENCH_DIR, `register-${providers}-${hash.digest('hex').slice(0, 10)}`);
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
    'Generated registers (`kitemark generate --seed 1 --today 2026-11-26`). **Steady state**: in one process (`scripts/bench/probes/validateVsParse.ts`), after one warm-up round of each, csv-parse alone on the four tables and `validate` on the same files (reading them, the postcode reference list, contract templates, every check) alternate three times; medians. **Cold**: `validate` in a fresh process (`scripts/bench/probes/validate.ts`), the work after module loading, and the whole process with start-up; peak memory of that process beside a fresh csv-parse-only process. Medians of three.',
    '',
    '| providers | rows | csv-parse alone | validate | ratio | validate, cold (work / process) | peak memory: validate / csv-parse |',
    '|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const size of SIZES) {
    const dir = generated(size);
    const same = JSON.parse(measure(PROBES.same, [dir, '3']).stdout) as {
      rows: number;
      errors: number;
      parseMs: number[];
      validateMs: number[];
    };
    if (same.errors !== 0)
      throw new Error(`the generated register of ${size} has ${same.errors} errors`);
    const cold = Array.from({ length: RUNS }, () => measure(PROBES.validate, [dir]));
    const parse = Array.from({ length: RUNS }, () => measure(PROBES.parse, [dir]));
    const work = (m: Measurement) => (JSON.parse(m.stdout) as { ms: number }).ms;
    const p = median(same.parseMs);
    const v = median(same.validateMs);
    const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    const row = [
      size.toLocaleString('en-GB'),
      same.rows.toLocaleString('en-GB'),
      seconds(p),
      seconds(v),
      `${(v / p).toFixed(2)}×`,
      `${seconds(median(cold.map(work)))} / ${seconds(median(cold.map((m) => m.ms)))}`,
      `${median(cold.map((m) => m.peakMiB)).toFixed(0)} / ${median(parse.map((m) => m.peakMiB)).toFixed(0)} MiB`,
    ];
    lines.push(`| ${row.join(' | ')} |`);
  }
  return lines.join('\n');
}

const PROBES = {
  same: join(ROOT, 'scripts/bench/probes/validateVsParse.ts'),
  parse: join(ROOT, 'scripts/bench/probes/parseOnly.ts'),
  validate: join(ROOT, 'scripts/bench/probes/validate.ts'),
};
