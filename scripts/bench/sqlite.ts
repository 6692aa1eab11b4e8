/**
 * The SQLite writer alone (`npm run bench sqlite`): for generated registers of 1k, 10k and 50k
 * providers, the time of writing `kitemark-register.sqlite` (every table, keys, indexes,
 * full-text search) and the peak memory of the whole process, in a fresh process each; and
 * whether a second write gives the same bytes.
 */
import { join } from 'node:path';
import { measure } from './measure.ts';
import { generated } from './validate.ts';

const SIZES = [1_000, 10_000, 50_000];

export default async function sqliteBenchmark(): Promise<string> {
  const lines = [
    '## The SQLite database (`npm run bench sqlite`)',
    '',
    'Generated registers (`kitemark generate --seed 1 --today 2026-11-26`), one fresh process each (`scripts/bench/probes/writeSqlite.ts`): read, validate and collect the download tables, then `writeSqlite` (SQLite 3.54 WebAssembly, in memory) twice, the second time only to compare the bytes. Peak memory is the whole process, both writes included.',
    '',
    '| providers | rows (all tables) | database | read and validate | write the database | same bytes again | peak memory |',
    '|---:|---:|---:|---:|---:|:---:|---:|',
  ];
  for (const size of SIZES) {
    const m = measure(join(import.meta.dirname, 'probes/writeSqlite.ts'), [generated(size)]);
    const r = JSON.parse(m.stdout) as {
      readMs: number;
      writeMs: number;
      bytes: number;
      rows: number;
      same: boolean;
    };
    lines.push(
      `| ${size.toLocaleString('en-GB')} | ${r.rows.toLocaleString('en-GB')} | ${(r.bytes / 1e6).toFixed(0)} MB | ${(r.readMs / 1000).toFixed(1)} s | ${(r.writeMs / 1000).toFixed(1)} s | ${r.same ? 'yes' : '**no**'} | ${Math.round(m.peakMiB)} MiB |`,
    );
  }
  return lines.join('\n');
}
