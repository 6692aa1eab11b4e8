/** The rules about declared parameters: each declared once, with constraints that fit its type. */
import { raising, type Issue } from '../../issue.ts';
import type { CheckedTemplate } from './checkedTemplate.ts';
import { arr, obj, str, type Json } from '../json.ts';

const { error, warning } = raising([
  'template/parameter-duplicate',
  'template/parameter-constraints',
  'template/parameter-fallback',
]);

export interface DeclaredParameter {
  index: number;
  type: string | undefined;
}

export function checkParameters(
  checked: CheckedTemplate,
  value: Json,
  issues: Issue[],
): Map<string, DeclaredParameter> {
  const declared = new Map<string, DeclaredParameter>();
  arr(value['parameters']).forEach((item, i) => {
    const p = obj(item);
    const name = str(p?.['name']);
    if (!p || name === undefined) return;
    const base = `/parameters/${i}`;
    if (declared.has(name)) {
      const first = checked.at(`/parameters/${declared.get(name)!.index}/name`).line;
      issues.push(
        error(
          'template/parameter-duplicate',
          checked.at(`${base}/name`),
          `Parameter "${name}" is declared twice: it is also declared on line ${first}.`,
          'Keep one declaration, or give this one its own name.',
        ),
      );
      return;
    }
    const type = str(p['type']);
    declared.set(name, { index: i, type });
    const constraints = obj(p['constraints']);
    if (constraints) {
      const numeric = type === 'integer' || type === 'money';
      const textual = type === 'text' || type === 'long_text';
      const misplaced = (key: string, applies: string) =>
        issues.push(
          error(
            'template/parameter-constraints',
            checked.at(`${base}/constraints/${key}`),
            `Parameter "${name}" is a ${type ?? 'parameter without a type'}, but ${key} applies only to ${applies} parameters.`,
            `Remove ${key}, or change the parameter's type.`,
          ),
        );
      if (type !== undefined) {
        if (!numeric && 'minimum' in constraints) misplaced('minimum', 'integer and money');
        if (!numeric && 'maximum' in constraints) misplaced('maximum', 'integer and money');
        if (type !== 'choice' && 'options' in constraints) misplaced('options', 'choice');
        if (!textual && 'max_length' in constraints) misplaced('max_length', 'text and long_text');
      }
      const min = constraints['minimum'];
      const max = constraints['maximum'];
      if (typeof min === 'number' && typeof max === 'number' && min > max) {
        issues.push(
          error(
            'template/parameter-constraints',
            checked.at(`${base}/constraints/maximum`),
            `Parameter "${name}" has a maximum (${max}) below its minimum (${min}), so no value could be given.`,
            'Swap them, or correct the one that is wrong.',
          ),
        );
      }
      for (const key of ['minimum', 'maximum'] as const) {
        const n = constraints[key];
        if (type === 'integer' && typeof n === 'number' && !Number.isInteger(n)) {
          issues.push(
            error(
              'template/parameter-constraints',
              checked.at(`${base}/constraints/${key}`),
              `Parameter "${name}" takes whole numbers, but its ${key} is ${n}.`,
              `Use a whole number for the ${key}.`,
            ),
          );
        }
      }
    }
    if (p['fallback'] !== undefined && p['required'] === true) {
      issues.push(
        warning(
          'template/parameter-fallback',
          checked.at(`${base}/fallback`),
          `Parameter "${name}" is required, so its wording for when it is left blank is never used.`,
          'Remove fallback, or make the parameter optional ("required": false).',
        ),
      );
    }
  });
  return declared;
}
