/** The rules that sections, schedules and clauses are numbered 1, 2, 3… in order, each once. */
import { raising, type Issue } from '../../issue.ts';
import type { CheckedTemplate } from './checkedTemplate.ts';
import { arr, obj, str, type Json } from '../json.ts';
import { ordinal } from './phrasing.ts';

const { error } = raising(['template/duplicate-number', 'template/numbering']);

/** The template's numbers, as cross-references may name them, in document order. */
export interface Numbers {
  clauses: string[];
  sections: Set<string>;
  schedules: Set<string>;
}

export function checkNumbering(checked: CheckedTemplate, value: Json, issues: Issue[]): Numbers {
  const numbers: Numbers = { clauses: [], sections: new Set(), schedules: new Set() };
  const clauseLines = new Map<string, number>();
  for (const kind of ['sections', 'schedules'] as const) {
    const label = kind === 'sections' ? 'Section' : 'Schedule';
    const seen = new Map<string, number>();
    arr(value[kind]).forEach((item, i) => {
      const part = obj(item);
      if (!part) return;
      const number = str(part['number']);
      const pointer = `/${kind}/${i}/number`;
      const valid = number !== undefined && /^[1-9][0-9]*$/.test(number);
      if (valid) {
        const first = seen.get(number);
        if (first !== undefined) {
          issues.push(
            error(
              'template/duplicate-number',
              checked.at(pointer),
              `${label} ${number} is numbered twice: the ${label.toLowerCase()} on line ${first} has the same number.`,
              `Number the ${kind} 1, 2, 3… in order; this is the ${ordinal(i + 1)}, so it is ${i + 1}.`,
            ),
          );
        } else {
          seen.set(number, checked.at(pointer).line);
          if (number !== String(i + 1)) {
            issues.push(
              error(
                'template/numbering',
                checked.at(pointer),
                `${label} ${number} is the ${ordinal(i + 1)} ${label.toLowerCase()}: ${kind} are numbered 1, 2, 3… in order, so it should be ${i + 1}.`,
                `Renumber it ${i + 1} (and its clauses), and update any cross-references to it.`,
              ),
            );
          }
        }
        (kind === 'sections' ? numbers.sections : numbers.schedules).add(number);
      }
      const prefix = kind === 'sections' ? number : `S${number}`;
      const pattern =
        kind === 'sections' ? /^[1-9][0-9]*\.[1-9][0-9]*$/ : /^S[1-9][0-9]*\.[1-9][0-9]*$/;
      arr(part['clauses']).forEach((c, j) => {
        const cn = str(obj(c)?.['number']);
        if (cn === undefined || !pattern.test(cn)) return; // the schema has said so already
        const at = checked.at(`/${kind}/${i}/clauses/${j}/number`);
        const expected = `${prefix}.${j + 1}`;
        const first = clauseLines.get(cn);
        if (first !== undefined) {
          issues.push(
            error(
              'template/duplicate-number',
              at,
              `Clause ${cn} is numbered twice: the clause on line ${first} has the same number.`,
              valid
                ? `Give each clause its own number; this one is ${expected} by its place.`
                : 'Give each clause its own number.',
            ),
          );
          return;
        }
        clauseLines.set(cn, at.line);
        numbers.clauses.push(cn);
        if (!valid) return;
        if (!cn.startsWith(`${prefix}.`)) {
          issues.push(
            error(
              'template/numbering',
              at,
              `Clause ${cn} is in ${label.toLowerCase() === 'section' ? 'section' : 'Schedule'} ${number}, so its number must start ${prefix}.`,
              `Number it ${expected}, or move it to the ${label.toLowerCase()} its number belongs to.`,
            ),
          );
        } else if (cn !== expected) {
          issues.push(
            error(
              'template/numbering',
              at,
              `Clause ${cn} is the ${ordinal(j + 1)} clause of ${label === 'Section' ? 'section' : 'Schedule'} ${number}: clauses are numbered in order without gaps, so it should be ${expected}.`,
              `Renumber it ${expected}, and update any cross-references to it.`,
            ),
          );
        }
      });
    });
  }
  return numbers;
}
