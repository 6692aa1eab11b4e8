/** The rules that find one organisation entered twice: the same registered number, or a name very like another's. */
import { distance } from 'fastest-levenshtein';
import { raising, type Issue } from '../../issue.ts';
import type { Row, Table } from '../../registerTypes.ts';
import type { Provider } from '../../types.generated.ts';
import { PROVIDER_TITLE as TITLE, cellAt, type RuleContext } from './ruleContext.ts';

const { warning } = raising(['duplicate/identifier', 'duplicate/name']);

export function checkDuplicates({ register }: RuleContext): Issue[] {
  const issues: Issue[] = [];
  const { providers } = register;
  const byIdentifier = new Map<string, Row<Provider>>();
  for (const row of providers.rows) {
    const p = row.record;
    const at = (field: string) => cellAt(providers, row, field);
    for (const field of ['charity_number', 'company_number', 'oscr_number'] as const) {
      const value = p[field];
      if (!value) continue;
      const key = `${field}:${value}`;
      const first = byIdentifier.get(key);
      if (first) {
        issues.push(
          warning(
            'duplicate/identifier',
            at(field),
            `${TITLE[field]} ${value} is also given for ${first.record.provider_id} (${first.record.name}) on line ${first.line}.`,
            'If they are the same organisation, keep one record and end the other; if not, check the number.',
          ),
        );
      } else byIdentifier.set(key, row);
    }
  }
  for (const issue of likelyDuplicateNames(providers)) issues.push(issue);
  return issues;
}

const NAME_NOISE = /\b(the|ltd|limited|cio|cic|plc|incorporated|inc|uk|of|and)\b/g;

/** `The Wessex Carers' Trust Ltd` → `wessexcarerstrust`: what stays when the noise is removed. */
export function nameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9 ]+/g, '')
    .replace(NAME_NOISE, ' ')
    .replace(/\s+/g, '');
}

/**
 * Near-identical names in the same local authority, found by the sorted-neighbourhood method:
 * sort by name key (and by the reversed key, to catch a typo in the first letters) and compare
 * neighbours only, which stays fast at 50,000 providers. Every name a provider goes by counts,
 * so an applicant under a charity's working name is caught too.
 */
function likelyDuplicateNames(providers: Table<Provider>): Issue[] {
  interface Entry {
    row: Row<Provider>;
    name: string;
    field: 'name' | 'other_names';
    key: string;
    reversed: string;
    la: string;
  }
  const entries: Entry[] = [];
  for (const row of providers.rows) {
    const { name, other_names: others = [], local_authority: la } = row.record;
    if (!name || !la) continue;
    const keys = new Set<string>();
    const names: [string, Entry['field']][] = [[name, 'name']];
    for (const other of others) names.push([other, 'other_names']);
    for (const [text, field] of names) {
      const key = nameKey(text);
      if (key.length < 4 || keys.has(key)) continue;
      keys.add(key);
      entries.push({ row, name: text, field, key, reversed: [...key].reverse().join(''), la });
    }
  }
  const pairs = new Map<Row<Provider>, [later: Entry, first: Entry]>();
  for (const sortKey of ['key', 'reversed'] as const) {
    const sorted = [...entries].sort((a, b) =>
      a.la < b.la
        ? -1
        : a.la > b.la
          ? 1
          : a[sortKey] < b[sortKey]
            ? -1
            : a[sortKey] > b[sortKey]
              ? 1
              : a.row.line - b.row.line,
    );
    for (let i = 1; i < sorted.length; i++) {
      const a = sorted[i - 1]!;
      const b = sorted[i]!;
      if (a.la !== b.la || a.row === b.row) continue;
      const allowed = Math.min(a.key.length, b.key.length) >= 12 ? 2 : a.key.length >= 8 ? 1 : 0;
      if (a.key === b.key || distance(a.key, b.key) <= allowed) {
        const [first, later] = a.row.line < b.row.line ? [a, b] : [b, a];
        if (!pairs.has(later.row)) pairs.set(later.row, [later, first]);
      }
    }
  }
  return [...pairs.values()].map(([later, first]) => {
    const { provider_id: id, name } = first.row.record;
    const whose = first.field === 'name' ? `${id}` : `another name of ${name}, ${id}`;
    return warning(
      'duplicate/name',
      cellAt(providers, later.row, later.field),
      `"${later.name}" is very like "${first.name}" (${whose}, line ${first.row.line}) in the same local authority.`,
      'If they are the same organisation, keep one record and end the other.',
    );
  });
}
