/**
 * Temporary files an interrupted write left in the data folder (found by the file-system
 * edge, io/leftoverFiles.ts), as issues: not part of the register, removed by `kitemark fix`.
 */
import { warning, type Issue } from './issue.ts';

export function leftoverFileIssues(files: readonly string[]): Issue[] {
  return files.map((file) =>
    warning(
      'file/leftover',
      { file, line: 1, column: 1, field: '' },
      `${file} is left over from a write that was interrupted (a killed \`kitemark fix\`); it is not part of the register.`,
      'Run `kitemark fix`, which removes it, or delete it.',
    ),
  );
}
