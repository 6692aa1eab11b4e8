/**
 * The postcode reference list (reference/postcodes.csv, built from ONS and CQC open data by
 * scripts/tools/importReference.ts). Postcode areas marked `complete_area` are covered in full,
 * so a postcode there that the list lacks is not a postcode in use.
 *
 * The file is sorted by postcode and written by our own importer (no quoted cells), so a
 * look-up is a binary search over its bytes, with no index built first: every `validate` needs
 * a few postcodes, and even listing where the 79,000 lines start would cost more than the
 * look-ups of a 1,000-provider register.
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
  /** Whether the list covers every postcode in this area (`DT`, `HG`). */
  coversArea(area: string): boolean;
  /** Every postcode, in order (for generating registers; reads the whole list). */
  entries(): IterableIterator<[string, PostcodeFact]>;
}

export const EMPTY_REFERENCE: Reference = {
  lookup: () => undefined,
  coversArea: () => false,
  entries: () => new Map<string, PostcodeFact>().entries(),
};

const NEWLINE = 10;

export function parseReference(postcodesCsv: Uint8Array | string): Reference {
  const bytes =
    typeof postcodesCsv === 'string' ? new TextEncoder().encode(postcodesCsv) : postcodesCsv;
  const decoder = new TextDecoder();
  const lineEnd = (start: number) => {
    const end = bytes.indexOf(NEWLINE, start);
    return end === -1 ? bytes.length : end;
  };
  const lineStart = (at: number) => bytes.lastIndexOf(NEWLINE, at - 1) + 1;
  const cellsAt = (start: number) =>
    decoder.decode(bytes.subarray(start, lineEnd(start))).split(',');
  const headerEnd = lineEnd(0);
  const firstLine = Math.min(headerEnd + 1, bytes.length);
  const header = decoder.decode(bytes.subarray(0, headerEnd)).split(',');
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

  /** The start of the first line whose postcode is not before `key` (bytes.length if none). */
  const firstNotBefore = (key: string): number => {
    let low = firstLine; // always a line start; every line before it sorts before `key`
    let high = bytes.length; // every line starting at or after it does not
    while (low < high) {
      const start = Math.max(low, lineStart((low + high) >>> 1));
      const end = lineEnd(start);
      const comma = bytes.indexOf(44, start);
      const postcode = decoder.decode(
        bytes.subarray(start, comma === -1 ? end : Math.min(comma, end)),
      );
      if (postcode < key) low = end + 1;
      else high = start;
    }
    return Math.min(low, bytes.length);
  };

  // `complete_area` is a property of the postcode area, so the first line of the area says.
  const areas = new Map<string, boolean>();
  return {
    lookup(postcode) {
      const start = firstNotBefore(postcode);
      if (start >= bytes.length) return undefined;
      const cells = cellsAt(start);
      return cells[0] === postcode ? fact(cells) : undefined;
    },
    coversArea(area) {
      let covered = areas.get(area);
      if (covered === undefined) {
        const start = firstNotBefore(area);
        const cells = start < bytes.length ? cellsAt(start) : [];
        const first = cells[0] ?? '';
        covered = /^[A-Z]+/.exec(first)?.[0] === area && cells[complete] === 'yes';
        areas.set(area, covered);
      }
      return covered;
    },
    *entries() {
      for (let start = firstLine; start < bytes.length; start = lineEnd(start) + 1) {
        const cells = cellsAt(start);
        if (cells[0]) yield [cells[0], fact(cells)];
      }
    },
  };
}
