/**
 * The smallest ZIP reader and writer that a DOCX needs, so the fill-in form can make a filled
 * DOCX in the browser from a few kilobytes of code instead of the whole `docx` library. The
 * compressor is passed in (Node's zlib at build time, the browser's CompressionStream in the
 * page), so the module itself is pure. Entries carry a fixed date, so the same input always
 * gives the same bytes.
 */

import { dosDateTime } from '../downloads/fixZipDates.ts';

export interface ZipEntry {
  path: string;
  data: Uint8Array;
}

/** Raw DEFLATE (no zlib header), as ZIP method 8 stores it. */
export type Compress = (data: Uint8Array) => Uint8Array | Promise<Uint8Array>;
export type Decompress = (data: Uint8Array) => Uint8Array | Promise<Uint8Array>;

let table: Uint32Array | undefined;

export function crc32(data: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** 1 January 1980, the earliest date a ZIP can hold: a fixed date keeps the output stable. */
const FIXED_DATE = (0 << 9) | (1 << 5) | 1;
const FIXED_TIME = 0;

/** Writes a ZIP. With `compress`, each entry is deflated when that makes it smaller. */
export async function zipFiles(
  entries: readonly ZipEntry[],
  compress?: Compress,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of zipStream(entries, compress)) chunks.push(chunk);
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/**
 * The same ZIP as zipFiles, as chunks in order, taking each entry only when it is needed: a
 * large archive is written to a file without holding more than one entry in memory.
 */
export async function* zipStream(
  entries: Iterable<ZipEntry> | AsyncIterable<ZipEntry>,
  compress?: Compress,
  /** The date of every entry (default 1 January 1980). */
  date?: Date,
): AsyncGenerator<Uint8Array> {
  const { dosTime, dosDate } = date
    ? dosDateTime(date)
    : { dosTime: FIXED_TIME, dosDate: FIXED_DATE };
  const encoder = new TextEncoder();
  const central: Uint8Array[] = [];
  let offset = 0;
  let count = 0;
  for await (const entry of entries) {
    const name = encoder.encode(entry.path);
    const crc = crc32(entry.data);
    let method = 0;
    let stored = entry.data;
    if (compress) {
      const deflated = await compress(entry.data);
      if (deflated.length < entry.data.length) {
        method = 8;
        stored = deflated;
      }
    }
    if (offset + 30 + name.length + stored.length > 0xffffffff || count === 0xfffe) {
      throw new Error('the archive is too big for a ZIP without ZIP64 (4 GB, 65,534 entries)');
    }
    const local = new Uint8Array(30 + name.length);
    const l = new DataView(local.buffer);
    l.setUint32(0, 0x04034b50, true);
    l.setUint16(4, 20, true); // version needed: 2.0
    l.setUint16(6, 0x0800, true); // names are UTF-8
    l.setUint16(8, method, true);
    l.setUint16(10, dosTime, true);
    l.setUint16(12, dosDate, true);
    l.setUint32(14, crc, true);
    l.setUint32(18, stored.length, true);
    l.setUint32(22, entry.data.length, true);
    l.setUint16(26, name.length, true);
    l.setUint16(28, 0, true);
    local.set(name, 30);

    const header = new Uint8Array(46 + name.length);
    const c = new DataView(header.buffer);
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(4, 20, true); // made by: 2.0
    c.setUint16(6, 20, true);
    c.setUint16(8, 0x0800, true);
    c.setUint16(10, method, true);
    c.setUint16(12, dosTime, true);
    c.setUint16(14, dosDate, true);
    c.setUint32(16, crc, true);
    c.setUint32(20, stored.length, true);
    c.setUint32(24, entry.data.length, true);
    c.setUint16(28, name.length, true);
    c.setUint32(42, offset, true);
    header.set(name, 46);
    central.push(header);

    yield local;
    yield stored;
    offset += local.length + stored.length;
    count++;
  }
  const directorySize = central.reduce((n, h) => n + h.length, 0);
  const end = new Uint8Array(22);
  const e = new DataView(end.buffer);
  e.setUint32(0, 0x06054b50, true);
  e.setUint16(8, count, true);
  e.setUint16(10, count, true);
  e.setUint32(12, directorySize, true);
  e.setUint32(16, offset, true);
  yield* central;
  yield end;
}

/** Reads every entry of a ZIP (stored or deflated), in the order of its central directory. */
export async function unzipFiles(
  zip: Uint8Array,
  decompress: Decompress,
  /** Only the entries whose path this accepts are inflated and returned. */
  wanted: (path: string) => boolean = () => true,
): Promise<ZipEntry[]> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('not a ZIP file: no end of central directory');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error('damaged ZIP central directory');
    const method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const path = decoder.decode(zip.subarray(at + 46, at + 46 + nameLength));
    const dataStart =
      local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const raw = zip.subarray(dataStart, dataStart + size);
    if (method !== 0 && method !== 8) throw new Error(`${path}: unsupported ZIP method ${method}`);
    if (wanted(path))
      entries.push({ path, data: method === 8 ? await decompress(raw) : raw.slice() });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
