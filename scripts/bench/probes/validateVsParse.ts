// Parse-only and validate on the same files in the same run, alternating, after one warm-up
// round of each: the steady-state cost of validation against csv-parse alone. Prints JSON.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { readRegister } from '../../io/registerFolder.ts';

const dir = process.argv[2]!;
const rounds = Number(process.argv[3] ?? 3);
const TABLES = ['providers.csv', 'accreditations.csv', 'documents.csv', 'commissioners.csv'];

function parseOnly(): number {
  let rows = 0;
  for (const file of TABLES) rows += (parse(readFileSync(join(dir, file))) as unknown[]).length;
  return rows;
}

async function timed<T>(work: () => T | Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const result = await work();
  return [performance.now() - started, result];
}

const [firstValidate, first] = await timed(() => readRegister(dir, '2026-11-26'));
const errors = first.issues.filter((i) => i.severity === 'error').length;
const [, rows] = await timed(parseOnly);
const parseMs: number[] = [];
const validateMs: number[] = [];
for (let i = 0; i < rounds; i++) {
  parseMs.push((await timed(parseOnly))[0]);
  validateMs.push((await timed(() => readRegister(dir, '2026-11-26')))[0]);
}
console.log(JSON.stringify({ rows, errors, firstValidate, parseMs, validateMs }));
