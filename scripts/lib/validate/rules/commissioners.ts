/** The rules about each commissioner: its ID is the right kind for its type, and its contract templates exist. */
import { raising, type Issue } from '../../issue.ts';
import type { Commissioner } from '../../types.generated.ts';
import { cellAt, type RuleContext } from './ruleContext.ts';

const { error } = raising(['commissioner/id', 'reference/contract-template']);

export function checkCommissioners({ register }: RuleContext): Issue[] {
  const issues: Issue[] = [];
  const { commissioners, codelists } = register;
  const templateIds = new Set(register.templates.map((t) => t.file.split('/')[1]!));
  const las = codelists.get('local-authorities')?.entries;
  for (const row of commissioners.rows) {
    const c: Commissioner = row.record;
    const at = (field: string) => cellAt(commissioners, row, field);
    if (c.commissioner_id && c.type) {
      const isCouncilCode = /^E[0-9]{8}$/.test(c.commissioner_id);
      if (c.type === 'local-authority' && !isCouncilCode) {
        issues.push(
          error(
            'commissioner/id',
            at('commissioner_id'),
            `A local authority is identified by its GSS code, not "${c.commissioner_id}".`,
            'Use the council\'s GSS code from data/codelists/local-authorities.csv, such as "E06000059".',
          ),
        );
      } else if (c.type === 'local-authority' && las && !las.has(c.commissioner_id)) {
        issues.push(
          error(
            'commissioner/id',
            at('commissioner_id'),
            `${c.commissioner_id} is not a council in the local-authorities codelist.`,
            "Use the council's GSS code from data/codelists/local-authorities.csv.",
          ),
        );
      } else if (c.type !== 'local-authority' && isCouncilCode) {
        issues.push(
          error(
            'commissioner/id',
            at('commissioner_id'),
            `An NHS body is identified by its ODS code, not the GSS code ${c.commissioner_id}.`,
            'Use the ODS code, such as "QOP" for an integrated care board or "RXA" for a trust.',
          ),
        );
      }
    }
    if (templateIds.size > 0) {
      for (const id of c.contract_templates ?? []) {
        if (!templateIds.has(id)) {
          issues.push(
            error(
              'reference/contract-template',
              at('contract_templates'),
              `"${id}" is not a contract template in contract-templates/.`,
              `Use one of: ${[...templateIds]
                .sort()
                .map((t) => `"${t}"`)
                .join(', ')}.`,
            ),
          );
        }
      }
    }
  }
  return issues;
}
