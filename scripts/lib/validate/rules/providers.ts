/** The rules about each provider: the identifiers its legal form is registered under, and its dates. */
import { isIsoDate } from '../../dates.ts';
import { raising, type Issue } from '../../issue.ts';
import type { Provider } from '../../types.generated.ts';
import { PROVIDER_TITLE as TITLE, cellAt, type RuleContext } from './ruleContext.ts';

const { error, warning } = raising([
  'provider/identifier',
  'provider/identifier-expected',
  'date/future',
]);

/** What each legal form is normally registered under. */
const EXPECTED_IDENTIFIERS: Record<string, string[]> = {
  'charitable-incorporated-organisation': ['charity_number'],
  'charitable-company': ['company_number', 'charity_number'],
  'charitable-trust': ['charity_number'],
  'community-interest-company': ['company_number'],
  'company-limited-by-guarantee': ['company_number'],
};

export function checkProviders({ register, today }: RuleContext): Issue[] {
  const issues: Issue[] = [];
  const { providers, codelists } = register;
  const legalForms = codelists.get('legal-forms')?.entries;
  for (const row of providers.rows) {
    const p = row.record;
    const at = (field: string) => cellAt(providers, row, field);
    if (p.legal_form && legalForms?.has(p.legal_form)) {
      const expected = EXPECTED_IDENTIFIERS[p.legal_form] ?? [];
      const hasAny = Boolean(p.charity_number || p.oscr_number || p.company_number);
      if (!hasAny && p.legal_form !== 'unincorporated-association') {
        issues.push(
          error(
            'provider/identifier',
            at(expected[0] ?? 'charity_number'),
            `A ${legalForms.get(p.legal_form)?.title ?? p.legal_form} must give at least one registered identifier (charity, OSCR or company number).`,
            expected.length
              ? `Fill in ${expected.join(' and ')}.`
              : 'Fill in the number it is registered under.',
          ),
        );
      } else {
        for (const field of expected) {
          if (!p[field as keyof Provider] && !(field === 'charity_number' && p.oscr_number)) {
            issues.push(
              warning(
                'provider/identifier-expected',
                at(field),
                `A ${legalForms.get(p.legal_form)?.title ?? p.legal_form} usually has a ${TITLE[field] ?? field}, but none is given.`,
                `Add the ${TITLE[field] ?? field}, or check the legal form.`,
              ),
            );
          }
        }
      }
    }
    if (isIsoDate(p.added_on) && p.added_on > today) {
      issues.push(
        error(
          'date/future',
          at('added_on'),
          `Added on ${p.added_on} is in the future.`,
          `Use the date the provider joined the register (today is ${today}).`,
        ),
      );
    }
  }
  return issues;
}
