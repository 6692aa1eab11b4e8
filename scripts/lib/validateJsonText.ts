/**
 * The text policy (textPolicy.ts) for a JSON file's strings, so register.json's title,
 * description and contact are held to the same rule as the CSV tables' free text.
 */
import { error, type Issue } from './issue.ts';
import { jsonPosition } from './jsonPosition.ts';
import { codePointName, describeCharacter, forbiddenCharacterAt } from './textPolicy.ts';

export function validateJsonText(file: string, text: string, value: unknown): Issue[] {
  const issues: Issue[] = [];
  const visit = (node: unknown, pointer: string) => {
    if (typeof node === 'string') {
      const bad = forbiddenCharacterAt(node);
      if (bad < 0) return;
      issues.push(
        error(
          'text/invisible',
          { file, ...jsonPosition(text, pointer), field: pointer },
          `${file} ${pointer} holds ${describeCharacter(node, bad)} (${codePointName(node, bad)}) at character ${bad + 1}, which does not show but changes what the text says or how it is shown.`,
          'Delete it in an editor that shows invisible characters, and retype the words around it.',
        ),
      );
    } else if (Array.isArray(node)) node.forEach((item, i) => visit(item, `${pointer}/${i}`));
    else if (node && typeof node === 'object')
      for (const [key, item] of Object.entries(node))
        visit(item, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
  };
  visit(value, '');
  return issues;
}
