import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { fixZipDates } from '../../scripts/lib/downloads/fixZipDates.ts';

async function zipWritten(at: Date): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('a.txt', 'hello', { date: at });
  zip.file('b/c.xml', '<c/>', { date: new Date(at.getTime() + 60_000) });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

describe('fixZipDates', () => {
  const fixed = new Date('2026-03-10T09:00:00Z');

  it('gives the same bytes whenever the zip was written', async () => {
    const a = fixZipDates(await zipWritten(new Date('2020-01-01T00:00:00Z')), fixed);
    const b = fixZipDates(await zipWritten(new Date('2025-07-04T12:34:56Z')), fixed);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('sets every entry’s date and leaves the zip readable', async () => {
    const zip = await JSZip.loadAsync(fixZipDates(await zipWritten(new Date()), fixed));
    const files = Object.values(zip.files).filter((f) => !f.dir);
    expect(files.map((f) => f.name)).toEqual(['a.txt', 'b/c.xml']);
    for (const f of files) expect(f.date.toISOString()).toBe('2026-03-10T09:00:00.000Z');
    expect(await zip.file('a.txt')!.async('string')).toBe('hello');
  });

  it('refuses what it cannot fix safely', () => {
    expect(() =>
      fixZipDates(new TextEncoder().encode('not a zip at all, just text'), fixed),
    ).toThrow(/not a ZIP/);
  });
});
