import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { crc32, unzipFiles, zipFiles } from '../../scripts/lib/contracts/zipFiles.ts';

const encoder = new TextEncoder();
const entries = [
  { path: '[Content_Types].xml', data: encoder.encode('<Types/>') },
  { path: 'word/document.xml', data: encoder.encode('<w:document>'.repeat(200)) },
  { path: 'ünïcode/é.txt', data: encoder.encode('é') },
];

describe('crc32', () => {
  it('matches the standard check value', () => {
    expect(crc32(encoder.encode('123456789'))).toBe(0xcbf43926);
  });
});

describe('zipFiles', () => {
  it('writes a ZIP that another reader opens, stored or deflated', async () => {
    for (const compress of [undefined, (d: Uint8Array) => new Uint8Array(deflateRawSync(d))]) {
      const zip = await JSZip.loadAsync(await zipFiles(entries, compress), { checkCRC32: true });
      expect(Object.keys(zip.files)).toEqual(entries.map((e) => e.path));
      expect(await zip.file('word/document.xml')!.async('string')).toBe('<w:document>'.repeat(200));
      expect(await zip.file('ünïcode/é.txt')!.async('string')).toBe('é');
    }
  });

  it('deflates only what gets smaller, and gives the same bytes every time', async () => {
    const deflate = (d: Uint8Array) => new Uint8Array(deflateRawSync(d));
    const a = await zipFiles(entries, deflate);
    expect(Buffer.from(a).equals(Buffer.from(await zipFiles(entries, deflate)))).toBe(true);
    expect(a.length).toBeLessThan((await zipFiles(entries)).length);
  });
});

describe('unzipFiles', () => {
  it('reads back what zipFiles wrote, and what JSZip wrote', async () => {
    const ours = await unzipFiles(
      await zipFiles(entries, (d) => new Uint8Array(deflateRawSync(d))),
      inflateRawSync,
    );
    expect(ours.map((e) => [e.path, new TextDecoder().decode(e.data)])).toEqual(
      entries.map((e) => [e.path, new TextDecoder().decode(e.data)]),
    );
    const jszip = new JSZip();
    jszip.file('a.txt', 'hello');
    const theirs = await unzipFiles(
      await jszip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }),
      inflateRawSync,
    );
    expect(new TextDecoder().decode(theirs[0]!.data)).toBe('hello');
  });

  it('refuses what is not a ZIP', async () => {
    await expect(
      unzipFiles(encoder.encode('not a zip at all, not at all'), inflateRawSync),
    ).rejects.toThrow(/not a ZIP/);
  });
});
