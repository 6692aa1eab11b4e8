// @ts-check
/**
 * The one place a kitemark status becomes words and a colour: search results, browse lists,
 * provider pages, certificate checks, badges and the JSON twins all read it, so a status
 * never says one thing in a list and another on the page. Plain JavaScript, so the search
 * page loads it unbundled and the build imports the same file. Pure.
 *
 * "Suspended since 3 March 2026"; "Expired on 1 November 2025 while suspended" (an award
 * that passes its expiry date while suspended is expired: it can no longer be reinstated).
 */
import { formatDate } from './formatDate.js';

/**
 * @typedef {'accredited' | 'expired' | 'suspended' | 'withdrawn' | 'lapsed' | 'applied' | 'none'} Status
 * @typedef {{ status: Status, expiresOn?: string, since?: string, whileSuspended?: boolean }} StatusFacts
 *   status: the display status; since: the date the status took effect (status_since);
 *   whileSuspended: an expired award that was suspended when it expired
 * @typedef {{ tone: Status, label: string, detail: string, headline: string }} StatusWords
 *   tone: the colour (tag--<tone>, status-panel--<tone>); label: the tag's word;
 *   detail: the words after the tag; headline: both together
 */

/** @type {Record<Status, string>} */
export const STATUS_LABELS = {
  accredited: 'Accredited',
  expired: 'Expired',
  suspended: 'Suspended',
  withdrawn: 'Withdrawn',
  lapsed: 'Lapsed',
  applied: 'Applied',
  none: 'Not accredited',
};

/**
 * @param {StatusFacts} facts
 * @returns {StatusWords}
 */
export function statusWords(facts) {
  const { status } = facts;
  const expires = formatDate(facts.expiresOn ?? '');
  const since = formatDate(facts.since ?? '');
  /** @type {string} */
  let detail;
  switch (status) {
    case 'accredited':
      detail = expires ? `until ${expires}` : '';
      break;
    case 'expired':
      detail = [expires && `on ${expires}`, facts.whileSuspended ? 'while suspended' : '']
        .filter(Boolean)
        .join(' ');
      break;
    case 'suspended':
      detail = since ? `since ${since}` : '';
      break;
    case 'lapsed':
      detail = since || expires ? `on ${since || expires}` : '';
      break;
    case 'withdrawn':
    case 'applied':
      detail = since ? `on ${since}` : '';
      break;
    default:
      detail = '';
  }
  const label = STATUS_LABELS[status] ?? STATUS_LABELS.none;
  const tone = Object.hasOwn(STATUS_LABELS, status) ? status : 'none';
  return { tone, label, detail, headline: detail ? `${label} ${detail}` : label };
}

/**
 * What the kitemark covers and what else the provider offers, as people read it beside a
 * status: "Kitemark covers: community transport" and "Also offers, not covered: befriending".
 * Only a current or suspended award covers anything; an application names what it is for.
 * @param {Status} status the display status
 * @param {readonly string[]} scope titles of the services the deciding award covers
 * @param {readonly string[]} services titles of every service the provider offers
 * @returns {{ covers: string, also: string }} either may be ''
 */
export function scopeWords(status, scope, services) {
  const list = (/** @type {readonly string[]} */ titles) =>
    titles.map((t) => t.charAt(0).toLowerCase() + t.slice(1)).join(', ');
  const inScope = new Set(scope);
  const others = services.filter((s) => !inScope.has(s));
  const lead = {
    accredited: 'Kitemark covers',
    suspended: 'Suspended kitemark covers',
    expired: 'Expired kitemark covered',
    applied: 'Applied for',
  }[/** @type {string} */ (status)];
  if (!lead || scope.length === 0) {
    return { covers: '', also: services.length ? `Offers, not covered: ${list(services)}` : '' };
  }
  return {
    covers: `${lead}: ${list(scope)}`,
    also: others.length ? `Also offers, not covered: ${list(others)}` : '',
  };
}
