// @ts-check
/**
 * A search result as people read it and as "download these results" writes it, from a row
 * of the index (see ResultRow in scripts/publish/site/search/searchInput.ts) and the manifest's
 * lists. Pure.
 */

/**
 * @typedef {[string, string, string, string, number, number, string, string, number[], number[], string[]]} Row
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
]);

/**
 * @param {Row} row
 * @param {Lists} lists
 * @param {string} siteUrl absolute address of the site root, ending in `/`
 */
export function resultRecord(row, lists, siteUrl) {
  const [id, name, town, postcode, la, status, expiresOn, certificate, services, groups, others] =
    row;
  const council = lists.las[la];
  const region = council ? lists.regions[council.region] : undefined;
  const statusEntry = lists.statuses[status];
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
    services: services.map((s) => lists.services[s]?.title ?? '').filter(Boolean),
    user_groups: groups.map((g) => lists.groups[g]?.title ?? '').filter(Boolean),
    url: `${siteUrl}providers/${encodeURIComponent(id)}/`,
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

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * `2029-03-16` as "16 March 2029": scripts/lib/formatDate.ts for the unbundled search page
 * (a test keeps the two in step). @param {string} iso
 */
export function formatDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}` : iso;
}

/**
 * The words after a result's status tag: "until 16 March 2029", "on 3 May 2026".
 * @param {string} status
 * @param {string} expiresOn
 */
export function statusDetail(status, expiresOn) {
  if (!expiresOn) return '';
  if (status === 'accredited' || status === 'suspended') return `until ${formatDate(expiresOn)}`;
  if (status === 'expired' || status === 'lapsed') return `on ${formatDate(expiresOn)}`;
  return '';
}
