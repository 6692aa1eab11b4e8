/**
 * The standing expiry issue and the lapse pull request, in words. Pure: findings in, Markdown
 * out. Provider names are escaped like any other data.
 */
import { codeSpan, escapeMarkdown, link } from '../lib/markdown.ts';
import { plural } from '../lib/words.ts';
import type { ExpiryFindings, ExpiryItem } from './findExpiring.ts';
import { marker } from './upsertComment.ts';
import { appendAll } from '../lib/appendAll.ts';

export const EXPIRY_MARKER = marker('expiry-report');
export const LAPSE_MARKER = marker('lapse-expired');
export const EXPIRY_TITLE = 'Kitemark expiry report';

/** Rows per table, so the issue stays within GitHub's size limit however large the register. */
const MAX_ROWS = 300;

export interface ExpiryLinks {
  /** The open pull request marking expired awards lapsed, if any. */
  pullRequest?: { number: number; url: string };
  runUrl?: string;
}

export function longDate(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${iso}T00:00:00Z`));
}

function table(
  items: readonly ExpiryItem[],
  dateHeading: string,
  when: (i: ExpiryItem) => string,
): string[] {
  const rows = items
    .slice(0, MAX_ROWS)
    .map(
      (i) =>
        `| ${codeSpan(i.accreditationId)} | ${escapeMarkdown(i.providerName || '(unknown)', 120)} (${codeSpan(i.providerId)}) | ${i.expiresOn} | ${when(i)} |`,
    );
  const more =
    items.length > MAX_ROWS
      ? ['', `… and ${(items.length - MAX_ROWS).toLocaleString('en-GB')} more.`]
      : [];
  return [
    `| Certificate | Provider | ${dateHeading} | |`,
    '| --- | --- | --- | --- |',
    ...rows,
    ...more,
  ];
}

export function renderExpiryIssue(findings: ExpiryFindings, links: ExpiryLinks): string {
  const { expired, expiring } = findings;
  const out = [
    EXPIRY_MARKER,
    `Kitemark awards that need attention, as of **${longDate(findings.today)}**. The expiry workflow rewrites this issue every day, so edits to it are lost; discuss in the comments.`,
    '',
    `## Past expiry but still marked accredited (${expired.length.toLocaleString('en-GB')})`,
    '',
  ];
  if (expired.length === 0) {
    out.push('None.');
  } else {
    out.push(
      'Readers already see these as **expired**. ' +
        (links.pullRequest
          ? `${link(`Pull request #${links.pullRequest.number}`, links.pullRequest.url)} marks them \`lapsed\`: merge it, unless a renewal is on its way (record a renewal as a new award).`
          : 'Mark them `lapsed`, or record their renewals as new awards.'),
      '',
    );
    appendAll(
      out,
      table(expired, 'Expired on', (i) => `${plural(-i.days, 'day')} ago`),
    );
  }
  out.push(
    '',
    `## Expiring within ${findings.withinDays} days (${expiring.length.toLocaleString('en-GB')})`,
    '',
  );
  if (expiring.length === 0) out.push('None.');
  else {
    out.push('Remind these providers to apply for renewal.', '');
    appendAll(
      out,
      table(expiring, 'Expires on', (i) =>
        i.days === 0 ? 'today' : `in ${plural(i.days, 'day')}`,
      ),
    );
  }
  out.push(
    '',
    `<sub>Updated${links.runUrl ? ` by ${link('this workflow run', links.runUrl)}` : ''}. Label \`expiry-report\`; please keep it, it is how the workflow finds this issue.</sub>`,
    '',
  );
  return out.join('\n');
}

/** The lapse pull request's body. Dates only (no "days ago"), so it stays the same from day to day. */
export function renderLapseBody(findings: ExpiryFindings, reportIssue: number | undefined): string {
  const ids = findings.expired.map((i) => i.accreditationId);
  return [
    LAPSE_MARKER,
    `<!-- kitemark:lapse-data ${JSON.stringify({ ids })} -->`,
    `Marks ${plural(ids.length, 'award')} \`lapsed\`: each is still marked \`accredited\` but its expiry date has passed, so readers already see it as expired.`,
    '',
    ...table(findings.expired, 'Expired on', () => ''),
    '',
    'Before merging, check none of these providers has renewed: a renewal is recorded as a new award (a new row), and the old one then lapses all the same.',
    reportIssue ? `\nSee the expiry report, #${reportIssue}.` : '',
    '',
    '<sub>Opened by the expiry workflow, which keeps this pull request up to date. Commits pushed here by hand are kept: the workflow then stops updating the branch.</sub>',
    '',
  ].join('\n');
}

/** The award ids a lapse pull request's body says it covers. */
export function lapseIds(body: string): string[] {
  const m = /<!-- kitemark:lapse-data (\{[^<>\n]{0,100000}\}) -->/.exec(body);
  if (!m) return [];
  try {
    const data = JSON.parse(m[1]!) as { ids?: unknown };
    return Array.isArray(data.ids)
      ? data.ids.filter((x): x is string => typeof x === 'string')
      : [];
  } catch {
    return [];
  }
}
