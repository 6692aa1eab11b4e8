// What the downloads publisher does: read and validate the register, then write every download
// (CSV, JSON, the workbook, datapackage.json) into a folder. Prints the milliseconds of each
// part and the bytes written.
import { rmSync } from 'node:fs';
import { readRegister } from '../../io/registerFolder.ts';
import { writeDownloads } from '../../lib/downloads/buildDownloads.ts';
import { readSchemaFiles } from '../../publish/open-data/publishOpenData.ts';
import { dirSink } from '../../io/outputFolder.ts';

const [dir, out] = process.argv.slice(2) as [string, string];
rmSync(out, { recursive: true, force: true });
const started = performance.now();
const { loaded } = await readRegister(dir, '2026-11-26');
const read = performance.now();
const summary = await writeDownloads(
  {
    loaded,
    asAt: '2026-11-26',
    created: '2026-11-26T00:00:00Z',
    schemaFiles: await readSchemaFiles(),
  },
  dirSink(out),
);
const bytes = [...summary.files.values()].reduce((n, f) => n + f.bytes, 0);
const rows = summary.tables.reduce((n, t) => n + t.records.length, 0);
console.log(
  JSON.stringify({ readMs: read - started, writeMs: performance.now() - read, bytes, rows }),
);
