/**
 * Sets the modification date of every entry of a ZIP file (an XLSX is one) to one fixed date,
 * in place, by rewriting the DOS time and date fields of each local header and central
 * directory entry. Zip writers stamp entries with the time of writing; with this, the same
 * content always gives the same bytes. Throws on ZIP64 or entries with extra fields, which the
 * workbook writer does not make (so a change there is noticed, not silently missed).
 */
export function fixZipDates(zip: Uint8Array, date: Date): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const { dosTime, dosDate } = dosDateTime(date);

  // The end of central directory record: 22 bytes plus a comment of up to 65,535.
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end === -1) throw new Error('not a ZIP file: no end of central directory');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (count === 0xffff || at === 0xffffffff) throw new Error('ZIP64 files are not supported');
  for (let n = 0; n < count; n++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error('malformed ZIP central directory');
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    if (extraLength !== 0 || view.getUint16(local + 28, true) !== 0) {
      throw new Error(
        'ZIP entries with extra fields (which may hold more timestamps) are not supported',
      );
    }
    if (view.getUint32(local, true) !== 0x04034b50) throw new Error('malformed ZIP local header');
    view.setUint16(at + 12, dosTime, true);
    view.setUint16(at + 14, dosDate, true);
    view.setUint16(local + 10, dosTime, true);
    view.setUint16(local + 12, dosDate, true);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return zip;
}

/** A date as a ZIP entry's DOS time and date fields (UTC, to two seconds; 1980 at the earliest). */
export function dosDateTime(date: Date): { dosTime: number; dosDate: number } {
  return {
    dosTime: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
    dosDate:
      ((Math.max(1980, date.getUTCFullYear()) - 1980) << 9) |
      ((date.getUTCMonth() + 1) << 5) |
      date.getUTCDate(),
  };
}
