/**
 * Two cost statements side by side, line by line, for a commissioner weighing bids: for each
 * cost category in either statement, what each puts in it and how it shared it out, and the
 * difference; then the totals. A price per unit is compared only when both count the same
 * unit. Pure; bundled into the browser.
 */
import type { CategoryTitles } from './calculateFullCost.ts';
import type { CostStatement } from './costStatement.ts';
import { orderedCategories } from './costStatementCsv.ts';

export interface ComparedSide {
  pence: number;
  basis?: string;
}

export interface ComparedRow {
  key: string;
  title: string;
  /** Absent where the statement has no such line. */
  a?: ComparedSide;
  b?: ComparedSide;
  /** b − a, in pence (a missing line counts as 0); undefined where the two cannot be compared. */
  difference?: number;
}

export interface StatementComparison {
  lines: ComparedRow[];
  totals: ComparedRow[];
  /** Why the prices per unit are not compared, if they are not. */
  unitNote?: string;
}

export function compareCostStatements(
  a: CostStatement,
  b: CostStatement,
  categories: CategoryTitles,
): StatementComparison {
  const known = orderedCategories(categories);
  const present = new Set([...a.lines, ...b.lines].map((l) => l.category));
  const order = [
    ...known.filter((c) => present.has(c)),
    ...[...present].filter((c) => !known.includes(c)),
  ];
  const side = (s: CostStatement, category: string): ComparedSide | undefined => {
    const line = s.lines.find((l) => l.category === category);
    return line ? { pence: line.service_total_pence, basis: line.basis } : undefined;
  };
  const lines = order.map((category) => {
    const sa = side(a, category);
    const sb = side(b, category);
    return {
      key: category,
      title: categories[category] ?? category,
      ...(sa ? { a: sa } : {}),
      ...(sb ? { b: sb } : {}),
      difference: (sb?.pence ?? 0) - (sa?.pence ?? 0),
    };
  });
  const total = (key: keyof CostStatement['totals'], title: string): ComparedRow => ({
    key,
    title,
    a: { pence: a.totals[key] },
    b: { pence: b.totals[key] },
    difference: b.totals[key] - a.totals[key],
  });
  const sameUnit = a.unit === b.unit;
  const totals = [
    total('direct_pence', 'Direct cost'),
    total('overheads_pence', 'Share of overheads'),
    total('contingency_pence', 'Contingency and reserves'),
    total('full_cost_pence', 'Full cost'),
    ...(sameUnit ? [total('unit_price_pence', `Price per ${a.unit}`)] : []),
  ];
  return {
    lines,
    totals,
    ...(sameUnit
      ? {}
      : {
          unitNote: `The prices per unit are not compared: one statement counts ${a.unit}s, the other ${b.unit}s.`,
        }),
  };
}
