/**
 * The downloads of a large register (`npm run bench downloads`): for generated registers of
 * 1k, 10k and 50k providers, the time and peak memory of writing every download (every table as
 * CSV and JSON, the XLSX workbook, datapackage.json) into a folder, in a fresh process each.
 */
import { join } from 'node:path';
import { BENCH_DIR, measure } from './measure.ts';
import { generated } from './validate.ts';

const SIZES = [1_000, 10_000, 50_000];

export default async function downloadsBenchmark(): Promise<string> {
  const lines = [
    '## Downloads of a large register (`npm run bench downloads`)',
    '',
    'Generated registers (`kitemark generate --seed 1 --today 2026-11-26`), one fresh process each (`scripts/bench/probes/writeDownloads.ts`): read and validate, then write every download through `writeDownloads` into a folder.',
    '',
    '| providers | rows (all tables) | written | read and validate | write the downloads | peak memory |',
    '|---:|---:|---:|---:|---:|---:|',
  ];
  for (const size of SIZES) {
    const m = measure(join(import.meta.dirname, 'probes/writeDownloads.ts'), [
      generated(size),
      join(BENCH_DIR, `downloads-${size}`),
    ]);
    const r = JSON.parse(m.stdout) as {
      readMs: number;
      writeMs: number;
      bytes: number;
      rows: number;
    };
    lines.push(
      `| ${size.toLocaleString('en-GB')} | ${r.rows.toLocaleString('en-GB')} | ${(r.bytes / 1e6).toFixed(0)} MB | ${(r.readMs / 1000).toFixed(1)} s | ${(r.writeMs / 1000).toFixed(1)} s | ${Math.round(m.peakMiB)} MiB |`,
    );
  }
  return lines.join('\n');
}
