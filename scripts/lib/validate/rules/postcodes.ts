/** The rules that check a provider's postcode against the reference list: in use, and in its council. */
import { raising, type Issue } from '../../issue.ts';
import { postcodeArea } from '../../postcode.ts';
import type { Reference } from '../../reference.ts';
import type { Row, Table } from '../../registerTypes.ts';
import type { Provider } from '../../types.generated.ts';
import { cellAt, type RuleContext } from './ruleContext.ts';

const { warning } = raising(['postcode/unknown', 'postcode/terminated', 'postcode/authority']);

export function checkPostcodes({ register, reference }: RuleContext): Issue[] {
  const issues: Issue[] = [];
  const { providers, codelists } = register;
  const councils = codelists.get('local-authorities')?.entries;
  for (const row of providers.rows)
    for (const issue of postcodeChecks(providers, row, reference, councils)) issues.push(issue);
  return issues;
}

function postcodeChecks(
  providers: Table<Provider>,
  row: Row<Provider>,
  reference: Reference,
  councils: ReadonlyMap<string, { title: string }> | undefined,
): Issue[] {
  const { postcode, local_authority: council } = row.record;
  if (!postcode || !/^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}$/.test(postcode)) return [];
  const at = cellAt(providers, row, 'postcode');
  const fact = reference.lookup(postcode);
  if (!fact) {
    if (!reference.coversArea(postcodeArea(postcode))) return [];
    return [
      warning(
        'postcode/unknown',
        at,
        `${postcode} is not a postcode in use: the reference list, which covers every postcode in the ${postcodeArea(postcode)} area, does not have it.`,
        'Check the postcode against the address (Royal Mail postcode finder).',
      ),
    ];
  }
  if (fact.terminated) {
    return [
      warning(
        'postcode/terminated',
        at,
        `${postcode} went out of use in ${fact.terminated}.`,
        'Check the current postcode for the address.',
      ),
    ];
  }
  if (council && fact.localAuthority && council !== fact.localAuthority && councils?.has(council)) {
    const name = (code: string) => `${code} (${councils.get(code)?.title ?? code})`;
    return [
      warning(
        'postcode/authority',
        cellAt(providers, row, 'local_authority'),
        `${postcode} is in ${name(fact.localAuthority)}, but the local authority given is ${name(council)}.`,
        `write it as "${fact.localAuthority}"`,
      ),
    ];
  }
  return [];
}
