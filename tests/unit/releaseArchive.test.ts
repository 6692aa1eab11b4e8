import { deflateRawSync, inflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { zipFiles } from '../../scripts/lib/contracts/zipFiles.ts';
import {
  archiveName,
  changedFiles,
  packArchive,
  parseChecksums,
  readArchiveSummary,
  releaseTag,
  tagVersion,
  type ArchiveFile,
} from '../../scripts/lib/releaseArchive.ts';
import { formatChecksums } from '../../scripts/lib/dataPackage.ts';

const encoder = new TextEncoder();
const deflate = (d: Uint8Array) => new Uint8Array(deflateRawSync(d));
const RELEASED = new Date('2026-02-20T09:00:14Z');

/** A version's files: two tables, a package, and the SHA256SUMS of the rest. */
function versionFiles(extra: Record<string, string> = {}): ArchiveFile[] {
  const files = new Map<string, Uint8Array>(
    Object.entries({
      'providers.csv': 'provider_id,name\nP000001,Harbour\n',
      'codelists/services.csv': 'code,title\nadvocacy,Advocacy\n',
      'datapackage.json': '{"version":"1.1.0"}\n',
      'README.md': '# Register\n',
      ...extra,
    }).map(([p, t]) => [p, encoder.encode(t)]),
  );
  files.set('SHA256SUMS', encoder.encode(formatChecksums(files)));
  return [...files].map(([path, bytes]) => ({ path, read: () => bytes }));
}

async function pack(files: ArchiveFile[], date = RELEASED): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of packArchive('1.1.0', files, date, deflate)) chunks.push(chunk);
  return new Uint8Array(Buffer.concat(chunks));
}

describe('names', () => {
  it('name the archive and the release tag after the version, and read the tag back', () => {
    expect(archiveName('1.1.0')).toBe('kitemark-register-1.1.0.zip');
    expect(releaseTag('1.1.0')).toBe('data-v1.1.0');
    expect(tagVersion('data-v1.1.0')).toBe('1.1.0');
    for (const tag of ['v1.1.0', 'data-v1.1', 'data-v01.1.0', 'data-v1.1.0-rc.1'])
      expect(tagVersion(tag), tag).toBeUndefined();
  });
});

describe('packArchive', () => {
  it('puts every file in one folder, in path order, dated the release, readable by JSZip', async () => {
    const zip = await JSZip.loadAsync(await pack(versionFiles().reverse()), { checkCRC32: true });
    const names = Object.keys(zip.files);
    expect(names).toEqual(
      [
        'README.md',
        'SHA256SUMS',
        'codelists/services.csv',
        'datapackage.json',
        'providers.csv',
      ].map((p) => `kitemark-register-1.1.0/${p}`),
    );
    expect(await zip.file('kitemark-register-1.1.0/providers.csv')!.async('string')).toBe(
      'provider_id,name\nP000001,Harbour\n',
    );
    // DOS dates keep two-second steps, in UTC here.
    expect(zip.files[names[0]!]!.date.toISOString()).toBe('2026-02-20T09:00:14.000Z');
  });

  it('gives the same bytes for the same files and date, whatever order they come in', async () => {
    const a = await pack(versionFiles());
    expect(Buffer.from(a).equals(Buffer.from(await pack(versionFiles().reverse())))).toBe(true);
    const later = await pack(versionFiles(), new Date('2026-02-21T09:00:00Z'));
    expect(Buffer.from(a).equals(Buffer.from(later))).toBe(false);
  });
});

describe('readArchiveSummary', () => {
  it('reads the small files and every checksum', async () => {
    const summary = await readArchiveSummary(await pack(versionFiles()), '1.1.0', inflateRawSync);
    expect([...summary.files.keys()].sort()).toEqual([
      'README.md',
      'SHA256SUMS',
      'datapackage.json',
    ]);
    expect([...summary.sums.keys()].sort()).toEqual([
      'README.md',
      'codelists/services.csv',
      'datapackage.json',
      'providers.csv',
    ]);
  });

  it('refuses an archive of another version, a file outside its folder, or one not in SHA256SUMS', async () => {
    const zip = await pack(versionFiles());
    await expect(readArchiveSummary(zip, '1.2.0', inflateRawSync)).rejects.toThrow(
      'is outside the folder kitemark-register-1.2.0/',
    );
    const unlisted = [...versionFiles(), { path: 'extra.csv', read: () => encoder.encode('x\n') }];
    await expect(readArchiveSummary(await pack(unlisted), '1.1.0', inflateRawSync)).rejects.toThrow(
      'kitemark-register-1.1.0/extra.csv is not in its SHA256SUMS',
    );
    const bare = await zipFiles([
      { path: 'kitemark-register-1.1.0/a.csv', data: encoder.encode('a') },
    ]);
    await expect(readArchiveSummary(bare, '1.1.0', inflateRawSync)).rejects.toThrow(
      'it has no kitemark-register-1.1.0/SHA256SUMS',
    );
  });
});

describe('checksums', () => {
  it('reads sha256sum output, text and binary mode, and says which files differ', () => {
    const a = 'a'.repeat(64);
    const b = 'b'.repeat(64);
    const sums = parseChecksums(`${a}  providers.csv\n${b} *book.xlsx\nnot a line\n`);
    expect([...sums]).toEqual([
      ['providers.csv', a],
      ['book.xlsx', b],
    ]);
    expect(
      changedFiles(
        new Map([
          ['providers.csv', a],
          ['gone.csv', a],
        ]),
        new Map([
          ['providers.csv', b],
          ['new.csv', a],
        ]),
      ),
    ).toEqual([
      { path: 'gone.csv', change: 'removed' },
      { path: 'new.csv', change: 'added' },
      { path: 'providers.csv', change: 'changed' },
    ]);
  });
});
