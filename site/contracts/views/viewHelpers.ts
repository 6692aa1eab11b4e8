/**
 * Pieces the contract pages share: the stylesheet link, status tags and notices, the download
 * list, and parameters described in words. Everything goes through the site's `html` tag, so
 * every data value is escaped.
 */
import { html, type SafeHtml } from '../../../scripts/publish/kit/html.ts';
import type { SiteInfo } from '../../../scripts/publish/kit/siteInfo.ts';
import { contractPaths, href } from '../../../scripts/publish/kit/urls.ts';
import { formatDate } from '../../../scripts/publish/kit/format.ts';
import {
  type ContractEntry,
  type ContractVersion,
} from '../../../scripts/lib/contracts/catalogueContracts.ts';
import {
  DOWNLOAD_FORMATS,
  downloadSize,
  formatBytes,
  type ContractDownloads,
} from '../../../scripts/lib/contracts/buildContractDownloads.ts';
import { formatInteger, formatMoney } from '../../../scripts/lib/contracts/formatValue.ts';
import { DEFAULT_FALLBACK } from '../../../scripts/lib/contracts/fillContract.ts';
import type { Parameter } from '../../../scripts/lib/types.generated.ts';

/** The contract pages' own stylesheet (pages may only load styles from files on the site). */
export function stylesheet(site: SiteInfo): SafeHtml {
  return html`<link
    rel="stylesheet"
    href="${href(site, contractPaths.assets('contracts.css'))}"
  />`;
}

export function statusTag(version: ContractVersion): SafeHtml {
  return html`<strong class="contract-status contract-status--${version.status}"
    >${version.statusTitle}</strong
  >`;
}

/** What a reader must know before using this version: replaced, or not yet for use. */
export function versionNotice(
  site: SiteInfo,
  entry: ContractEntry,
  version: ContractVersion,
): SafeHtml | '' {
  if (version.status === 'published') return '';
  const current = entry.current;
  const useInstead =
    current !== version && current.status === 'published'
      ? html` For new contracts, use
          <a href="${href(site, contractPaths.version(entry.id, current.version))}"
            >version ${current.version}</a
          >.`
      : '';
  if (version.status === 'superseded') {
    const by = version.supersededBy ? ` by version ${version.supersededBy}` : '';
    return html`<div class="notice contract-notice" role="note">
      <p>
        <strong>This version has been replaced${by}.</strong> Contracts already signed on it stay
        valid.${useInstead}
      </p>
    </div>`;
  }
  return html`<div class="notice contract-notice" role="note">
    <p><strong>${version.statusTitle}:</strong> ${version.statusDescription}${useInstead}</p>
  </div>`;
}

export function downloadList(
  site: SiteInfo,
  version: ContractVersion,
  downloads: ContractDownloads,
): SafeHtml {
  return html`<ul class="contract-downloads">
    ${DOWNLOAD_FORMATS.map(
      (f) =>
        html`<li>
          <a
            href="${href(site, contractPaths.download(version.id, version.version, f.extension))}"
            download
            type="${f.type}"
            >${f.title}<span class="visually-hidden">
              of ${version.template.title}, version ${version.version}</span
            ></a
          >
          <span class="contract-downloads__size"
            >${formatBytes(downloadSize(downloads, f.key))}</span
          >
        </li> `,
    )}
  </ul>`;
}

export function publishedWords(version: ContractVersion): string {
  const on = version.template.published_on;
  return on ? formatDate(on) : 'Not yet published';
}

const TYPE_WORDS: Record<Parameter['type'], string> = {
  text: 'Text',
  long_text: 'Paragraphs of text',
  date: 'Date',
  integer: 'Whole number',
  money: 'Amount in pounds',
  choice: 'One of a list',
  boolean: 'Yes or no',
};

export function parameterType(p: Parameter): string {
  return TYPE_WORDS[p.type] ?? p.type;
}

/** "At least 3 and no more than 10", "Up to 200 characters", "One of: …". */
export function parameterRules(p: Parameter): string[] {
  const c = p.constraints ?? {};
  const show = (n: number) => (p.type === 'money' ? formatMoney(n) : formatInteger(n));
  const rules: string[] = [];
  if (c.minimum !== undefined && c.maximum !== undefined) {
    rules.push(`From ${show(c.minimum)} to ${show(c.maximum)}`);
  } else if (c.minimum !== undefined) rules.push(`At least ${show(c.minimum)}`);
  else if (c.maximum !== undefined) rules.push(`No more than ${show(c.maximum)}`);
  if (c.max_length !== undefined) rules.push(`Up to ${formatInteger(c.max_length)} characters`);
  if (!p.required)
    rules.push(`Optional: if left blank the contract says “${p.fallback ?? DEFAULT_FALLBACK}”`);
  return rules;
}
