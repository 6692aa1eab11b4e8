import { describe, expect, it } from 'vitest';
import {
  ReleaseError,
  checkPublished,
  formatLedger,
  parseLedger,
  rebuiltDiffers,
  type PublishedRelease,
} from '../../scripts/lib/releaseLedger.ts';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const PUBLISHED: PublishedRelease = {
  version: '1.0.0',
  tag: 'data-v1.0.0',
  asset: {
    name: 'kitemark-register-1.0.0.zip',
    url: 'https://github.com/o/r/releases/download/data-v1.0.0/kitemark-register-1.0.0.zip',
    bytes: 100,
    sha256: A,
  },
  files: { 'providers.csv': A, 'README.md': A },
};

describe('the ledger', () => {
  it('reads back what it writes, by version', () => {
    const ledger = parseLedger(formatLedger([PUBLISHED]), 'published.json');
    expect(ledger.get('1.0.0')).toEqual(PUBLISHED);
  });

  it('refuses a file that is not a ledger, saying how to get a good one', () => {
    for (const [text, words] of [
      ['{', 'cache/published.json is not JSON'],
      ['{"releases": []}', 'cache/published.json is not a list of published releases (format 1)'],
      [
        formatLedger([{ ...PUBLISHED, asset: { ...PUBLISHED.asset, url: 'javascript:alert(1)' } }]),
        'cache/published.json: entry 1 lacks a version, an asset with an http(s) url',
      ],
    ] as const) {
      try {
        parseLedger(text, 'cache/published.json');
        expect.unreachable(text);
      } catch (e) {
        expect(e).toBeInstanceOf(ReleaseError);
        expect((e as ReleaseError).code).toBe('release/ledger-invalid');
        expect((e as ReleaseError).message).toContain(words);
        expect((e as ReleaseError).message).toContain('main-releases.ts fetch');
      }
    }
  });
});

describe('checkPublished', () => {
  it('accepts the published bytes, and names the files of any others', () => {
    expect(
      checkPublished(PUBLISHED, { file: 'x.zip', sha256: A, sums: new Map() }),
    ).toBeUndefined();
    const error = checkPublished(PUBLISHED, {
      file: 'cache/kitemark-register-1.0.0.zip',
      sha256: B,
      sums: new Map([
        ['providers.csv', B],
        ['README.md', A],
      ]),
    })!;
    expect(error.code).toBe('release/archive-changed');
    expect(error.file).toBe('cache/kitemark-register-1.0.0.zip');
    expect(error.message).toContain('Files that differ: providers.csv (changed).');
    expect(error.message).toContain('delete cache/kitemark-register-1.0.0.zip and download');
  });

  it('says when only the archive differs, and what a rebuild changed', () => {
    const same = checkPublished(PUBLISHED, {
      file: 'x.zip',
      sha256: B,
      sums: new Map(Object.entries(PUBLISHED.files)),
    })!;
    expect(same.message).toContain('every file is the same, but not the archive itself');
    const rebuilt = rebuiltDiffers(
      PUBLISHED,
      { sha256: B, sums: new Map([['providers.csv', A]]) },
      '.cache/kitemark/releases',
    );
    expect(rebuilt.code).toBe('release/published-bytes-changed');
    expect(rebuilt.message).toMatch(
      /version 1\.0\.0 was published .* this build would make it differently .*README\.md \(removed\).*\[release\/published-bytes-changed\]$/,
    );
  });
});
