/**
 * The postcode reference list (reference/postcodes.csv, built from ONS and CQC open data by
 * scripts/tools/importReference.ts). Postcode areas marked `complete_area` are covered in full,
 * so a postcode there that the list lacks is not a postcode in use.
 *
 * The file is sorted by postcode and written by our own importer (no quoted cells), so a
 * look-up is a binary search over its lines: every `validate` needs a few postcodes, and
 * parsing all 79,000 rows each time would cost more than checking a 1,000-provider register.
 */

export interface PostcodeFact {
  /** Today's social-care council, or '' where the reference cannot say. */
  localAuthority: string;
  /** `YYYY-MM` the postcode went out of use, or ''. */
  terminated: string;
  /** Post town where the source gives one, or ''. */
  town: string;
}

export interface Reference {
  lookup(postcode: string): PostcodeFact | undefined;
  completeAreas: ReadonlySet<string>;
  /** Every postcode, in order (for generating registers; reads the whole list). */
  entries(): IterableIterator<[string, PostcodeFact]>;
}

export const EMPTY_REFERENCE: Reference = {
  lookup: () => undefined,
  completeAreas: new Set(),
  entries: () => new Map<string, PostcodeFact>().entries(),
};

const NEWLINE = 10;

export function parseReference(postcodesCsv: Uint8Array | string): Reference {
  const bytes =
    typeof postcodesCsv === 'string' ? new TextEncoder().encode(postcodesCsv) : postcodesCsv;
  const decoder = new TextDecoder();
  const starts: number[] = [];
  for (
    let i = bytes.indexOf(NEWLINE);
    i !== -1 && i + 1 < bytes.length;
    i = bytes.indexOf(NEWLINE, i + 1)
  ) {
    starts.push(i + 1);
  }
  const lineAt = (n: number): string[] => {
    const start = starts[n]!;
    const end = bytes.indexOf(NEWLINE, start);
    return decoder.decode(bytes.subarray(start, end === -1 ? bytes.length : end)).split(',');
  };
  const header = decoder
    .decode(bytes.subarray(0, starts[0] === undefined ? bytes.length : starts[0] - 1))
    .split(',');
  const at = (name: string) => header.indexOf(name);
  const [council, terminated, complete, town] = [
    at('local_authority'),
    at('terminated'),
    at('complete_area'),
    at('town'),
  ];
  const fact = (cells: string[]): PostcodeFact => ({
    localAuthority: cells[council] ?? '',
    terminated: cells[terminated] ?? '',
    town: cells[town] ?? '',
  });

  // `complete_area` is a property of the postcode area, and an area's lines are contiguous
  // (the file is sorted), so only the first line of each area is read.
  const completeAreas = new Set<string>();
  let area = '';
  for (let n = 0; n < starts.length; n++) {
    let end = starts[n]!;
    while ((bytes[end] ?? 0) >= 65 && (bytes[end] ?? 0) <= 90) end++;
    const lineArea = String.fromCharCode(...bytes.subarray(starts[n]!, end));
    if (lineArea === area) continue;
    area = lineArea;
    if (lineAt(n)[complete] === 'yes') completeAreas.add(area);
  }

  return {
    completeAreas,
    lookup(postcode) {
      let low = 0;
      let high = starts.length - 1;
      while (low <= high) {
        const mid = (low + high) >>> 1;
        const cells = lineAt(mid);
        const key = cells[0] ?? '';
        if (key === postcode) return fact(cells);
        if (key < postcode) low = mid + 1;
        else high = mid - 1;
      }
      return undefined;
    },
    *entries() {
      for (let n = 0; n < starts.length; n++) {
        const cells = lineAt(n);
        if (cells[0]) yield [cells[0], fact(cells)];
      }
    },
  };
}
