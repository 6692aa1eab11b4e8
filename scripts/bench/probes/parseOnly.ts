// The baseline: csv-parse alone on the register's tables, nothing else. Prints rows and the
// milliseconds of work (after module loading).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

const started = performance.now();
const dir = process.argv[2]!;
let rows = 0;
for (const file of ['providers.csv', 'accreditations.csv', 'documents.csv', 'commissioners.csv']) {
  rows += (parse(readFileSync(join(dir, file))) as unknown[]).length;
}
console.log(JSON.stringify({ rows, ms: performance.now() - started }));
