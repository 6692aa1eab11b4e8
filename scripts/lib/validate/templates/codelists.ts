/** The rule that a template's status, clause topics and cost categories come from the codelists. */
import { raising, type Issue } from '../../issue.ts';
import type { Codelist } from '../../registerTypes.ts';
import { suggestCode } from '../../suggest.ts';
import { capitalise, sentence } from '../../words.ts';
import type { CheckedTemplate } from './checkedTemplate.ts';
import { arr, obj, type Json } from '../json.ts';
import { describe } from './phrasing.ts';

const { error } = raising(['template/codelist']);

/** The codelists a template draws on. */
export const TEMPLATE_CODELISTS = ['template-statuses', 'clause-topics', 'cost-categories'];

export function checkCodes(
  checked: CheckedTemplate,
  value: Json,
  codelists: ReadonlyMap<string, Codelist>,
  issues: Issue[],
): void {
  const check = (list: string, pointer: string, code: unknown, noun: string) => {
    const entries = codelists.get(list)?.entries;
    if (!entries || typeof code !== 'string' || entries.has(code)) return;
    if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(code)) return; // the schema has said so already
    issues.push(
      error(
        'template/codelist',
        checked.at(pointer),
        `${capitalise(describe(value, pointer))} has ${noun} "${code}", which is not in the ${list} codelist.`,
        sentence(capitalise(suggestCode(code, [...entries.keys()], list))),
      ),
    );
  };
  check('template-statuses', '/status', value['status'], 'the status');
  for (const kind of ['sections', 'schedules'] as const) {
    arr(value[kind]).forEach((part, i) => {
      arr(obj(part)?.['clauses']).forEach((clause, j) => {
        arr(obj(clause)?.['topics']).forEach((topic, k) => {
          const pointer = `/${kind}/${i}/clauses/${j}/topics/${k}`;
          check('clause-topics', pointer, topic, 'the topic');
        });
      });
    });
  }
  arr(value['schedules']).forEach((schedule, i) => {
    arr(obj(schedule)?.['cost_lines']).forEach((line, k) => {
      const pointer = `/schedules/${i}/cost_lines/${k}/category`;
      check('cost-categories', pointer, obj(line)?.['category'], 'the category');
    });
  });
}
