/**
 * `validate` on the register `fix` exists for: 10,000 generated providers re-saved with every
 * date as dd/mm/yyyy (as a spreadsheet in an English locale writes them), in a fresh process
 * with `--format json`: wall time, peak memory and the bytes of JSON. Target: under 10 s.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, measure } from './measure.ts';
import { generated } from './validate.ts';

const PROVIDERS = 10_000;

/** A copy of the generated register with every ISO date written dd/mm/yyyy. */
function wrongDates(source: string): string {
  const dir = `${source}-ddmmyyyy`;
  if (existsSync(join(dir, 'providers.csv'))) return dir;
  const copy = (from: string, to: string) => {
    mkdirSync(to, { recursive: true });
    for (const name of readdirSync(from)) {
      const path = join(from, name);
      if (statSync(path).isDirectory()) copy(path, join(to, name));
      else {
        const text = readFileSync(path, 'utf8');
        const top =
          from === source && /^(providers|accreditations|documents|commissioners)\.csv$/.test(name);
        writeFileSync(
          join(to, name),
          top ? text.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, '$3/$2/$1') : text,
        );
      }
    }
  };
  copy(source, dir);
  return dir;
}

export default async function messyValidateBenchmark(): Promise<string> {
  const dir = wrongDates(generated(PROVIDERS));
  const probe = join(ROOT, 'scripts/bench/probes/validateCli.ts');
  const run = measure(probe, [
    'validate',
    '--data',
    dir,
    '--format',
    'json',
    '--today',
    '2026-11-26',
  ]);
  const issues = JSON.parse(run.stdout) as { code: string; omitted?: number }[];
  const counted = issues.reduce((n, i) => n + (i.omitted ?? 1), 0);
  const text = measure(probe, ['validate', '--data', dir, '--today', '2026-11-26']);
  return [
    '## Validating a messy register (`npm run bench messy`)',
    '',
    `${PROVIDERS.toLocaleString('en-GB')} generated providers (\`kitemark generate --seed 1 --today 2026-11-26\`), every date in the four tables rewritten dd/mm/yyyy; \`kitemark validate --format json\` and the text format, each in a fresh process (\`scripts/bench/probes/validateCli.ts\`). Target: under 10 s.`,
    '',
    '| format | wall time | CPU time | peak memory | output | issues (listed / counted) |',
    '|---|---:|---:|---:|---:|---:|',
    `| json | ${(run.ms / 1000).toFixed(2)} s | ${((run.cpuMs ?? NaN) / 1000).toFixed(2)} s | ${run.peakMiB.toFixed(0)} MiB | ${(run.stdout.length / 1024).toFixed(0)} KiB | ${issues.length.toLocaleString('en-GB')} / ${counted.toLocaleString('en-GB')} |`,
    `| text | ${(text.ms / 1000).toFixed(2)} s | ${((text.cpuMs ?? NaN) / 1000).toFixed(2)} s | ${text.peakMiB.toFixed(0)} MiB | ${(text.stdout.length / 1024).toFixed(0)} KiB | |`,
  ].join('\n');
}
