/**
 * The postcode reference list (reference/postcodes.csv, built from ONS and CQC open data by
 * scripts/tools/importReference.ts). Postcode areas marked `complete_area` are covered in full,
 * so a postcode there that the list lacks is not a postcode in use.
 */
import { parse } from 'csv-parse/sync';
import { postcodeArea } from './postcode.ts';

export interface PostcodeFact {
  /** Today's social-care council, or '' where the reference cannot say. */
  localAuthority: string;
  /** `YYYY-MM` the postcode went out of use, or ''. */
  terminated: string;
  /** Post town where the source gives one, or ''. */
  town: string;
}

export interface Reference {
  postcodes: ReadonlyMap<string, PostcodeFact>;
  completeAreas: ReadonlySet<string>;
}

export const EMPTY_REFERENCE: Reference = { postcodes: new Map(), completeAreas: new Set() };

export function parseReference(postcodesCsv: Uint8Array | string): Reference {
  // Arrays, not objects per row: half the time on 79,000 rows, and this runs on every validate.
  const [header = [], ...rows] = parse(postcodesCsv) as string[][];
  const at = (name: string) => header.indexOf(name);
  const [postcode, council, terminated, complete, town] = [
    at('postcode'),
    at('local_authority'),
    at('terminated'),
    at('complete_area'),
    at('town'),
  ];
  const postcodes = new Map<string, PostcodeFact>();
  const completeAreas = new Set<string>();
  for (const r of rows) {
    const code = r[postcode] ?? '';
    postcodes.set(code, {
      localAuthority: r[council] ?? '',
      terminated: r[terminated] ?? '',
      town: r[town] ?? '',
    });
    if (r[complete] === 'yes') completeAreas.add(postcodeArea(code));
  }
  return { postcodes, completeAreas };
}
