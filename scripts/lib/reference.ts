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
  const rows = parse(postcodesCsv, { columns: true }) as Record<string, string>[];
  const postcodes = new Map<string, PostcodeFact>();
  const completeAreas = new Set<string>();
  for (const r of rows) {
    const postcode = r['postcode'] ?? '';
    postcodes.set(postcode, {
      localAuthority: r['local_authority'] ?? '',
      terminated: r['terminated'] ?? '',
      town: r['town'] ?? '',
    });
    if (r['complete_area'] === 'yes') completeAreas.add(postcodeArea(postcode));
  }
  return { postcodes, completeAreas };
}
