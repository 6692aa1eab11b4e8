/**
 * How to cite a version of the register and how its licence is stated: written once, used by the
 * README, the workbook, the downloads page, the version pages and CITATION.cff.
 */
import { escapeHtml } from '../escapeHtml.ts';
import { REGISTER_KEYWORDS } from '../dataPackage.ts';
import type { RegisterMetadata } from '../types.generated.ts';

/** `Kitemark Register maintainers (2026). Title, version 1.2.0 [Data set]. URL` */
export function formatCitation(meta: RegisterMetadata, created: string, url?: string): string {
  const year = created.slice(0, 4);
  return `${meta.publisher.name} (${year}). ${meta.title}, version ${meta.version} [Data set]. ${meta.licence.title}.${url ? ` ${url}` : ''}`;
}

/** The licence and the attribution statement it asks for, with the sources' licences. */
export function describeLicence(meta: RegisterMetadata): string {
  const sources = (meta.sources ?? []).map((s) => `${s.title} (${s.licence})`);
  return [
    `${meta.licence.title} (${meta.licence.name}): ${meta.licence.path}.`,
    `Attribution: contains data from the ${meta.title}, published by ${meta.publisher.name} under the ${meta.licence.title}.`,
    sources.length > 0
      ? `Codelists and reference lists are derived from: ${sources.join('; ')}.`
      : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** Everything a citation of one version names. */
export interface VersionCitation {
  /** register.json, with `version` the cited version. */
  meta: RegisterMetadata;
  /** RFC 3339 date-time (or `YYYY-MM-DD`) the version was released. */
  released: string;
  /** The version's permanent page. */
  url: string;
  /** The version's archive, when it has one: what a reader downloads and checks. */
  archive?: { url: string; sha256: string; bytes?: number };
}

/**
 * The "cite this version" block of a version page: the citation to copy, then title, version,
 * release date, archive address and its SHA-256 as a list, and the same as BibTeX. Plain
 * HTML, every value escaped; the heading's level and id fit the page it goes on.
 */
export function renderCitation(
  citation: VersionCitation,
  options: { headingLevel?: 2 | 3; id?: string } = {},
): string {
  const { meta, released, url, archive } = citation;
  const e = escapeHtml;
  const h = `h${options.headingLevel ?? 2}`;
  const id = options.id ?? 'cite';
  const day = released.slice(0, 10);
  const link = (u: string) => (/^https?:\/\//.test(u) ? `<a href="${e(u)}">${e(u)}</a>` : e(u));
  const rows: [string, string][] = [
    ['Title', e(meta.title)],
    ['Version', e(meta.version)],
    ['Released', `<time datetime="${e(day)}">${e(day)}</time>`],
    ['Publisher', e(meta.publisher.name)],
    ['Licence', `<a href="${e(meta.licence.path)}">${e(meta.licence.title)}</a>`],
    ['Address', link(url)],
  ];
  if (archive) {
    rows.push(['Archive', link(archive.url)]);
    rows.push(['Archive SHA-256', `<code>${e(archive.sha256)}</code>`]);
  }
  return [
    `<section class="citation" aria-labelledby="${e(id)}">`,
    `<${h} id="${e(id)}">Cite this version</${h}>`,
    `<p class="citation-text">${e(formatCitation(meta, released, archive?.url ?? url))}</p>`,
    `<dl class="meta">`,
    ...rows.map(([dt, dd]) => `<dt>${dt}</dt><dd>${dd}</dd>`),
    `</dl>`,
    archive
      ? `<p>Check a downloaded copy with <code>sha256sum ${e(archive.url.split('/').pop() ?? '')}</code>: it prints the SHA-256 above.</p>`
      : '',
    `<details><summary>BibTeX</summary><pre><code>${e(formatBibtex(citation))}</code></pre></details>`,
    `</section>`,
  ]
    .filter(Boolean)
    .join('\n');
}

/** A BibTeX `@misc` entry for one version (biblatex reads it as a data set too). */
export function formatBibtex(citation: VersionCitation): string {
  const { meta, released, url, archive } = citation;
  // Braces and backslashes are BibTeX's own syntax: drop them from values.
  const clean = (v: string) => v.replace(/[{}\\]/g, '');
  const key = `${meta.name}-${meta.version}`.replace(/[^A-Za-z0-9_.:-]/g, '-');
  const fields: [string, string][] = [
    ['author', `{${clean(meta.publisher.name)}}`],
    ['title', `{${clean(meta.title)}}`],
    ['version', clean(meta.version)],
    ['year', released.slice(0, 4)],
    ['date', released.slice(0, 10)],
    ['publisher', clean(meta.publisher.name)],
    ['howpublished', 'Data set'],
    ['url', clean(archive?.url ?? url)],
    ['note', clean(`${meta.licence.title}${archive ? `. SHA-256 ${archive.sha256}` : ''}`)],
  ];
  return `@misc{${key},\n${fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n')}\n}\n`;
}

/** The options of a CITATION.cff: without a version it describes the register as a whole. */
export interface CitationFileOptions {
  /** The version and its release date (`YYYY-MM-DD…`), for the CITATION.cff inside a release. */
  version?: { version: string; released: string };
  /** Where the register (or this version) is published. */
  url?: string;
  /** The source repository, when it is on a forge. */
  repository?: string;
  /** The page that lists every version, for the register as a whole. */
  versionsUrl?: string;
}

/**
 * `CITATION.cff` (Citation File Format 1.2.0): a data set by the publisher, with its licence
 * (an SPDX identifier), address and keywords. Values are written as YAML double-quoted
 * strings (JSON's string syntax, which YAML reads unchanged), so no text can break the file.
 */
export function formatCitationCff(
  meta: RegisterMetadata,
  options: CitationFileOptions = {},
): string {
  const q = (v: string) => JSON.stringify(v);
  const url = options.url ?? meta.homepage;
  const lines = [
    '# Citation File Format 1.2.0: https://citation-file-format.github.io/',
    'cff-version: 1.2.0',
    `message: ${q(
      options.version
        ? 'If you use this data, please cite it as below. The SHA256SUMS file beside this one gives the SHA-256 of every file of this version.'
        : `If you use this data, please cite the version you used: each version has its own page, archive and SHA-256${options.versionsUrl ? `, listed at ${options.versionsUrl}` : ''}.`,
    )}`,
    'type: dataset',
    `title: ${q(meta.title)}`,
    ...(options.version
      ? [
          `version: ${q(options.version.version)}`,
          `date-released: ${q(options.version.released.slice(0, 10))}`,
        ]
      : []),
    'authors:',
    `  - name: ${q(meta.publisher.name)}`,
    ...(meta.publisher.url ? [`    website: ${q(meta.publisher.url)}`] : []),
    `abstract: ${q(meta.description)}`,
    `license: ${q(meta.licence.name)}`,
    `license-url: ${q(meta.licence.path)}`,
    ...(url ? [`url: ${q(url)}`] : []),
    ...(options.repository ? [`repository-code: ${q(options.repository)}`] : []),
    ...(meta.contact?.email
      ? [
          'contact:',
          `  - name: ${q(meta.contact.name ?? meta.publisher.name)}`,
          `    email: ${q(meta.contact.email)}`,
        ]
      : []),
    'keywords:',
    ...REGISTER_KEYWORDS.map((k) => `  - ${q(k)}`),
  ];
  return `${lines.join('\n')}\n`;
}
