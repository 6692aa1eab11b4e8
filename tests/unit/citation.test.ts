import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  formatBibtex,
  formatCitationCff,
  renderCitation,
  type VersionCitation,
} from '../../scripts/lib/downloads/citation.ts';
import type { RegisterMetadata } from '../../scripts/lib/types.generated.ts';
import { CITATION_FILE, repositoryCitation } from '../../scripts/tools/writeCitationFile.ts';
import { ROOT } from '../support/register.ts';

const META = JSON.parse(readFileSync(join(ROOT, 'data/register.json'), 'utf8')) as RegisterMetadata;
const SHA = 'a'.repeat(64);
const CITATION: VersionCitation = {
  meta: { ...META, version: '1.2.0' },
  released: '2026-06-01T09:30:00Z',
  url: 'https://register.example.org/data/v/1.2.0/',
  archive: {
    url: 'https://register.example.org/releases/kitemark-register-1.2.0.zip',
    sha256: SHA,
  },
};

// Citation File Format 1.2.0 (https://github.com/citation-file-format/citation-file-format,
// schema.json): the keys it defines, the ones it requires, and an entity's keys.
const CFF_KEYS = [
  'abstract',
  'authors',
  'cff-version',
  'commit',
  'contact',
  'date-released',
  'doi',
  'identifiers',
  'keywords',
  'license',
  'license-url',
  'message',
  'preferred-citation',
  'references',
  'repository',
  'repository-artifact',
  'repository-code',
  'title',
  'type',
  'url',
  'version',
];
const CFF_REQUIRED = ['authors', 'cff-version', 'message', 'title'];
const ENTITY_KEYS = [
  'address',
  'alias',
  'city',
  'country',
  'date-end',
  'date-start',
  'email',
  'fax',
  'location',
  'name',
  'orcid',
  'post-code',
  'region',
  'tel',
  'website',
];

/** The CFF 1.2.0 rules a file breaks. */
function cffProblems(text: string): string[] {
  const doc = parse(text) as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of Object.keys(doc))
    if (!CFF_KEYS.includes(key)) problems.push(`unknown key ${key}`);
  for (const key of CFF_REQUIRED) if (!(key in doc)) problems.push(`missing ${key}`);
  if (doc['cff-version'] !== '1.2.0') problems.push('cff-version is not "1.2.0"');
  if (doc['type'] !== undefined && !['dataset', 'software'].includes(String(doc['type'])))
    problems.push('type is neither dataset nor software');
  const authors = doc['authors'];
  if (!Array.isArray(authors) || authors.length === 0)
    problems.push('authors is not a non-empty list');
  for (const a of Array.isArray(authors) ? (authors as Record<string, unknown>[]) : []) {
    for (const key of Object.keys(a))
      if (!ENTITY_KEYS.includes(key)) problems.push(`author key ${key}`);
    if (typeof a['name'] !== 'string') problems.push('an entity author has no name');
  }
  if (
    doc['date-released'] !== undefined &&
    !/^\d{4}-\d{2}-\d{2}$/.test(String(doc['date-released']))
  )
    problems.push('date-released is not YYYY-MM-DD');
  if (doc['version'] !== undefined && typeof doc['version'] !== 'string')
    problems.push('version is not text');
  for (const key of ['url', 'repository-code', 'license-url'])
    if (doc[key] !== undefined && !/^https?:\/\//.test(String(doc[key])))
      problems.push(`${key} is not a URL`);
  // An SPDX licence identifier (OGL-UK-3.0 is one).
  if (doc['license'] !== undefined && !/^[A-Za-z0-9.+-]+$/.test(String(doc['license'])))
    problems.push('license is not an SPDX identifier');
  if (
    !Array.isArray(doc['keywords']) ||
    !(doc['keywords'] as unknown[]).every((k) => typeof k === 'string')
  )
    problems.push('keywords is not a list of text');
  return problems;
}

describe('CITATION.cff', () => {
  it('at the repository root is valid CFF 1.2.0 and describes register.json as it is now', () => {
    const text = readFileSync(CITATION_FILE, 'utf8');
    expect(cffProblems(text)).toEqual([]);
    expect(text, 'CITATION.cff is stale: run `npm run citation`').toBe(repositoryCitation(META));
    expect(parse(text)).toMatchObject({
      type: 'dataset',
      title: META.title,
      license: 'OGL-UK-3.0',
      authors: [{ name: META.publisher.name }],
    });
  });

  it('of a version names that version and its release day', () => {
    const text = formatCitationCff(CITATION.meta, {
      version: { version: '1.2.0', released: CITATION.released },
      url: CITATION.url,
    });
    expect(cffProblems(text)).toEqual([]);
    expect(parse(text)).toMatchObject({
      version: '1.2.0',
      'date-released': '2026-06-01',
      url: CITATION.url,
    });
  });

  it('holds any text, quotes, colons and line breaks included, as written', () => {
    const title = 'Register: "quoted" #not-a-comment\nand a second line \u2013 é';
    const text = formatCitationCff({ ...META, title });
    expect(cffProblems(text)).toEqual([]);
    expect((parse(text) as { title: string }).title).toBe(title);
  });
});

describe('renderCitation', () => {
  it('gives the title, version, date, archive address and SHA-256 to cite', () => {
    const markup = renderCitation(CITATION);
    expect(markup).toContain('<h2 id="cite">Cite this version</h2>');
    expect(markup).toContain(META.title);
    expect(markup).toContain('<dt>Version</dt><dd>1.2.0</dd>');
    expect(markup).toContain('<time datetime="2026-06-01">2026-06-01</time>');
    expect(markup).toContain(`<a href="${CITATION.archive!.url}">`);
    expect(markup).toContain(`<code>${SHA}</code>`);
    expect(markup).toContain(
      `version 1.2.0 [Data set]. Open Government Licence v3.0. ${CITATION.archive!.url}`,
    );
  });

  it('leaves out the archive rows of a version without one, and takes the page heading level', () => {
    const markup = renderCitation({ ...CITATION, archive: undefined } as VersionCitation, {
      headingLevel: 3,
      id: 'cite-1.2.0',
    });
    expect(markup).toContain('<h3 id="cite-1.2.0">');
    expect(markup).not.toContain('Archive');
    expect(markup).toContain(CITATION.url);
  });

  it('escapes every value, so register text cannot become markup', () => {
    const markup = renderCitation({
      ...CITATION,
      meta: { ...CITATION.meta, title: '<img src=x onerror=alert(1)>', version: '1.2.0"><b>' },
    });
    expect(markup).not.toContain('<img');
    expect(markup).not.toContain('"><b>');
    expect(markup).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('formatBibtex', () => {
  it('is one @misc entry whose values cannot close a brace', () => {
    const entry = formatBibtex({ ...CITATION, meta: { ...CITATION.meta, title: 'A } title {' } });
    expect(entry).toMatch(/^@misc\{kitemark-register-1\.2\.0,\n/);
    expect(entry).toContain('title = {{A  title }}');
    expect(entry).toContain(`note = {Open Government Licence v3.0. SHA-256 ${SHA}}`);
    const opened = [...entry].filter((c) => c === '{').length;
    expect([...entry].filter((c) => c === '}').length).toBe(opened);
  });
});
