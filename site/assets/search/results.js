// @ts-check
/**
 * A search result as people read it and as "download these results" writes it, from a row
 * of the index (see ResultRow in scripts/publish/site/search/searchInput.ts) and the manifest's
 * lists. Pure.
 */
import { formatDate } from './formatDate.js';
import { scopeWords, statusWords } from './statusWords.js';

export { formatDate };

/**
 * @typedef {[string, string, string, string, number, number, string, string, number[], number[],
 *   string[], number[]?, string?, number?]} Row
 *   …, other names, scope (services the deciding award covers), status since, 1 if it expired
 *   while suspended
 * @typedef {{ code: string, title: string }} Coded
 * @typedef {{ statuses: Coded[], regions: Coded[], las: (Coded & { region: number })[],
 *   services: Coded[], groups: Coded[] }} Lists
 */

export const DOWNLOAD_COLUMNS = /** @type {const} */ ([
  'provider_id',
  'name',
  'other_names',
  'status',
  'status_label',
  'expires_on',
  'certificate',
  'town',
  'postcode',
  'local_authority',
  'local_authority_name',
  'region',
  'services',
  'user_groups',
  'url',
  'kitemark_scope',
  'status_since',
  'status_text',
]);

/**
 * @param {Row} row
 * @param {Lists} lists
 * @param {string} siteUrl absolute address of the site root, ending in `/`
 */
export function resultRecord(row, lists, siteUrl) {
  const [id, name, town, postcode, la, status, expiresOn, certificate, services, groups, others] =
    row;
  const scope = row[11] ?? [];
  const since = row[12] ?? '';
  const flags = row[13] ?? 0;
  const council = lists.las[la];
  const region = council ? lists.regions[council.region] : undefined;
  const statusEntry = lists.statuses[status];
  const titles = (/** @type {number[]} */ codes) =>
    codes.map((s) => lists.services[s]?.title ?? '').filter(Boolean);
  const code = /** @type {import('./statusWords.js').Status} */ (statusEntry?.code ?? 'none');
  const words = statusWords({ status: code, expiresOn, since, whileSuspended: flags === 1 });
  const { covers, also } = scopeWords(code, titles(scope), titles(services));
  return {
    provider_id: id,
    name,
    other_names: others,
    status: statusEntry?.code ?? '',
    status_label: statusEntry?.title ?? '',
    expires_on: expiresOn,
    certificate,
    town,
    postcode,
    local_authority: council?.code ?? '',
    local_authority_name: council?.title ?? '',
    region: region?.title ?? '',
    services: titles(services),
    kitemark_scope: titles(scope),
    user_groups: groups.map((g) => lists.groups[g]?.title ?? '').filter(Boolean),
    url: `${siteUrl}providers/${encodeURIComponent(id)}/`,
    status_since: since,
    status_text: words.headline,
    /** Not downloaded: what the result shows. */
    words,
    covers,
    also,
  };
}

/**
 * @param {ReturnType<typeof resultRecord>} record
 * @returns {string[]}
 */
export function csvRow(record) {
  return DOWNLOAD_COLUMNS.map((column) => {
    const value = record[column];
    return Array.isArray(value) ? value.join('; ') : String(value);
  });
}

/**
 * The words after a result's status tag: "until 16 March 2029", "on 3 May 2026".
 * @param {string} status
 * @param {string} expiresOn
 */
export function statusDetail(status, expiresOn) {
  return statusWords({ status: /** @type {any} */ (status), expiresOn }).detail;
}
