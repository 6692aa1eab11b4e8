/** The reference lists committed under reference/, read for the pure modules. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseReference, type Reference } from '../lib/reference.ts';
import { parseGeography, type Geography } from '../lib/geography/geography.ts';
import { ROOT } from './projectRoot.ts';

export async function readReference(): Promise<Reference> {
  return parseReference(await readFile(join(ROOT, 'reference/postcodes.csv')));
}

/** England's postcode sectors and districts (reference/geography/). */
export async function readGeography(): Promise<Geography> {
  const dir = join(ROOT, 'reference/geography');
  return parseGeography(
    await readFile(join(dir, 'england_postcode_sectors.csv')),
    await readFile(join(dir, 'england_postcode_districts.csv')),
  );
}
