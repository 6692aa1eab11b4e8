/** The rules of full cost recovery: a pricing schedule with one cost line for each cost category. */
import { raising, type Issue } from '../../issue.ts';
import type { Codelist } from '../../registerTypes.ts';
import type { CheckedTemplate } from './checkedTemplate.ts';
import { arr, obj, str, type Json } from '../json.ts';

const { error, warning } = raising([
  'template/cost-lines',
  'template/cost-lines-incomplete',
  'template/pricing-schedule',
]);

export function checkCostLines(
  checked: CheckedTemplate,
  value: Json,
  codelists: ReadonlyMap<string, Codelist>,
  issues: Issue[],
): void {
  const categories = codelists.get('cost-categories')?.entries;
  let pricing = 0;
  arr(value['schedules']).forEach((item, i) => {
    const schedule = obj(item);
    if (!schedule) return;
    const lines = arr(schedule['cost_lines']);
    const label = `Schedule ${str(schedule['number']) ?? i + 1}`;
    const seen = new Map<string, number>();
    lines.forEach((line, k) => {
      const category = str(obj(line)?.['category']);
      if (category === undefined) return;
      const pointer = `/schedules/${i}/cost_lines/${k}/category`;
      const first = seen.get(category);
      if (first !== undefined) {
        issues.push(
          error(
            'template/cost-lines',
            checked.at(pointer),
            `${label} has two cost lines for "${category}": the other is on line ${first}.`,
            'Keep one line per cost category, and describe everything for that category on it.',
          ),
        );
      } else seen.set(category, checked.at(pointer).line);
    });
    if (schedule['kind'] !== 'pricing') return;
    pricing++;
    if (!categories || lines.length === 0) return;
    const missing = [...categories.values()].filter((c) => !seen.has(c.code));
    if (missing.length > 0) {
      issues.push(
        warning(
          'template/cost-lines-incomplete',
          checked.at(`/schedules/${i}/cost_lines`),
          `The pricing schedule (${label}) has no cost line for ${missing.map((c) => c.title.toLowerCase()).join(', ')}. Full cost recovery prices every category, so that overheads are not left out.`,
          'Add a cost line for each category in data/codelists/cost-categories.csv, even where the amount will be small.',
        ),
      );
    }
  });
  if (pricing === 0 && Array.isArray(value['schedules'])) {
    issues.push(
      warning(
        'template/pricing-schedule',
        checked.at('/schedules'),
        'The template has no pricing schedule, so the price is not built up in the common cost language of full cost recovery.',
        'Add a schedule with "kind": "pricing" and a cost line for each cost category.',
      ),
    );
  }
}
