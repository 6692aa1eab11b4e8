/**
 * An issue body as GitHub writes it when someone submits an issue form: each field's label as
 * a `### ` heading, then the answer, `_No response_` when empty, multiple choices joined by
 * `, `, checkboxes as task-list lines.
 */
import type { FormDefinition } from '../../scripts/github/buildIssueForms.ts';

export type Answer = string | string[] | boolean[];

export function issueFormBody(form: FormDefinition, answers: Record<string, Answer>): string {
  const parts: string[] = [];
  for (const field of form.fields) {
    const answer = answers[field.id];
    let text: string;
    if (field.type === 'checkboxes') {
      const ticks = (answer as boolean[] | undefined) ?? [];
      text = field.options!.map((o, i) => `- [${ticks[i] ? 'X' : ' '}] ${o.title}`).join('\n');
    } else if (Array.isArray(answer)) {
      // Dropdowns are answered by code here, and written by title, as GitHub shows them.
      text = (answer as string[])
        .map((code) => field.options?.find((o) => o.code === code)?.title ?? code)
        .join(', ');
    } else {
      text =
        field.type === 'dropdown'
          ? (field.options?.find((o) => o.code === answer)?.title ?? answer ?? '')
          : (answer ?? '');
    }
    parts.push(`### ${field.label}\n\n${text === '' ? '_No response_' : text}`);
  }
  return parts.join('\n\n');
}
