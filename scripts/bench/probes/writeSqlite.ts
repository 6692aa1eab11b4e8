// The SQLite writer alone: read the register, collect its download tables, then write the
// database twice (the second time only to compare bytes: a release is hashed). Prints the
// milliseconds of each part, the bytes, and whether both writes gave the same file.
import { createHash } from 'node:crypto';
import { readRegister } from '../../io/registerFolder.ts';
import { collectDownloadTables } from '../../lib/downloads/buildDownloads.ts';
import { writeSqlite } from '../../lib/downloads/writeSqlite.ts';

const [dir] = process.argv.slice(2) as [string];
const started = performance.now();
const { loaded } = await readRegister(dir, '2026-11-26');
const tables = collectDownloadTables(loaded, '2026-11-26');
const read = performance.now();
const bytes = await writeSqlite(tables);
const written = performance.now();
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const first = sha(bytes);
const same = sha(await writeSqlite(tables)) === first;
console.log(
  JSON.stringify({
    readMs: read - started,
    writeMs: written - read,
    bytes: bytes.length,
    rows: tables.reduce((n, t) => n + t.records.length, 0),
    same,
  }),
);
