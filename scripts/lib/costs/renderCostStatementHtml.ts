/**
 * A cost statement as HTML: the lines with their working, the totals, the price per unit and
 * the gap between a direct-cost-only price and full cost; and two statements side by side.
 * Used by the calculator page (in the build for its worked example and in the browser for the
 * provider's own figures) and by the contract renderers for the pricing schedule. Every value
 * is escaped.
 */
import { escapeHtml as e } from '../escapeHtml.ts';
import type { CategoryTitles, CostResult } from './calculateFullCost.ts';
import { basisInfo, UNITS } from './costBases.ts';
import type { CostStatement } from './costStatement.ts';
import type { StatementComparison } from './compareCostStatements.ts';
import { formatPence } from './money.ts';

export function unitWords(unit: string, count: number): string {
  const u = UNITS.find((x) => x.code === unit);
  return count === 1 ? (u?.one ?? unit) : (u?.many ?? unit);
}

function formatCount(n: number): string {
  const [whole, fraction] = String(n).split('.');
  return `${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction ? `.${fraction}` : ''}`;
}

/** "1,200 sessions a year". */
export function volumeWords(statement: Pick<CostStatement, 'unit' | 'volume'>): string {
  return `${formatCount(statement.volume)} ${unitWords(statement.unit, statement.volume)} a year`;
}

/** The lines and totals as a table; with a result, each line shows its working. */
export function renderCostTable(
  statement: CostStatement,
  categories: CategoryTitles,
  options: { caption?: string; result?: CostResult } = {},
): string {
  const t = statement.totals;
  const one = unitWords(statement.unit, 1);
  const rows = statement.lines.map((l, i) => {
    const working = options.result?.lines[i]?.working;
    return `<tr><th scope="row">${e(categories[l.category] ?? l.category)}</th><td>${e(basisInfo(l.basis)?.title ?? l.basis)}</td>${
      options.result ? `<td class="cost-working">${e(working ?? '')}</td>` : ''
    }<td class="cost-amount">${e(formatPence(l.service_total_pence))}</td></tr>`;
  });
  const span = options.result ? ' colspan="2"' : '';
  return `<table class="cost-table">${options.caption ? `<caption>${e(options.caption)}</caption>` : ''}<thead><tr><th scope="col">Cost category</th><th scope="col">How it is shared out</th>${
    options.result ? '<th scope="col">Working</th>' : ''
  }<th scope="col" class="cost-amount">Amount</th></tr></thead><tbody>${rows.join('')}</tbody><tfoot><tr><th scope="row">Full cost</th><td${span}>${e(volumeWords(statement))}</td><td class="cost-amount">${e(formatPence(t.full_cost_pence))}</td></tr><tr><th scope="row">Price per ${e(one)}</th><td${span}>full cost ÷ ${e(formatCount(statement.volume))}, to the nearest penny</td><td class="cost-amount">${e(formatPence(t.unit_price_pence))}</td></tr></tfoot></table>`;
}

/** The headline figures, in words. */
export function renderCostSummary(statement: CostStatement): string {
  const t = statement.totals;
  const one = unitWords(statement.unit, 1);
  const row = (label: string, value: string) =>
    `<div class="summary-list__row"><dt>${e(label)}</dt><dd>${e(value)}</dd></div>`;
  return `<dl class="summary-list cost-summary">${[
    row('Full cost', `${formatPence(t.full_cost_pence)} for ${volumeWords(statement)}`),
    row(`Price per ${one}`, formatPence(t.unit_price_pence)),
    row('Direct cost', formatPence(t.direct_pence)),
    row(
      'Share of overheads',
      `${formatPence(t.overheads_pence)}, with ${formatPence(t.contingency_pence)} contingency: ${t.overhead_share_percent}% of the full cost`,
    ),
    row(
      'Gap at direct cost only',
      `${formatPence(t.gap_pence)} (${t.gap_percent_of_full}% of the full cost): a price of ${formatPence(t.direct_unit_price_pence)} per ${one} would recover only the direct cost, and the full cost is ${t.gap_percent_of_direct}% more than that`,
    ),
  ].join('')}</dl>`;
}

function signed(pence: number | undefined): string {
  if (pence === undefined) return '';
  return pence > 0 ? `+${formatPence(pence)}` : pence < 0 ? `−${formatPence(-pence)}` : '£0';
}

/** Two statements side by side, line by line. */
export function renderComparisonTable(
  comparison: StatementComparison,
  a: CostStatement,
  b: CostStatement,
): string {
  const name = (s: CostStatement) => `${s.provider_name}: ${s.service_name}`;
  const cell = (side: { pence: number; basis?: string } | undefined) =>
    side
      ? `<td class="cost-amount">${e(formatPence(side.pence))}${side.basis ? `<span class="cost-basis">${e(basisInfo(side.basis)?.title ?? side.basis)}</span>` : ''}</td>`
      : '<td class="cost-amount">none</td>';
  const row = (r: StatementComparison['lines'][number]) =>
    `<tr><th scope="row">${e(r.title)}</th>${cell(r.a)}${cell(r.b)}<td class="cost-amount">${e(signed(r.difference))}</td></tr>`;
  return `<table class="cost-table cost-compare"><caption>${e(name(a))} (A) and ${e(name(b))} (B), line by line</caption><thead><tr><th scope="col">Cost category</th><th scope="col" class="cost-amount">A: ${e(volumeWords(a))}</th><th scope="col" class="cost-amount">B: ${e(volumeWords(b))}</th><th scope="col" class="cost-amount">B less A</th></tr></thead><tbody>${comparison.lines.map(row).join('')}</tbody><tfoot>${comparison.totals.map(row).join('')}</tfoot></table>${
    comparison.unitNote ? `<p>${e(comparison.unitNote)}</p>` : ''
  }`;
}
