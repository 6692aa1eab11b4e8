/** The rules about a template file as a file: its name, the folder it is in, and keys given twice. */
import { raising, type Issue, type IssueAt } from '../../issue.ts';
import { SEMVER, type CheckedTemplate } from './checkedTemplate.ts';
import { str, type Json } from '../json.ts';

const { error } = raising([
  'template/file-name',
  'template/duplicate-key',
  'template/id',
  'template/version',
]);

/** The file name is a version and no object gives a key twice: checked whatever the file holds. */
export function checkFile(checked: CheckedTemplate, issues: Issue[]): void {
  const topAt: IssueAt = { ...checked.at(''), line: 1, column: 1, field: '' };
  if (!SEMVER.test(checked.name)) {
    issues.push(
      error(
        'template/file-name',
        topAt,
        `The file name ${checked.name}.json is not a version number.`,
        'Name each version of a template after its version, like contract-templates/<template-id>/1.1.0.json.',
      ),
    );
  }

  for (const d of checked.locate.duplicateKeys()) {
    issues.push(
      error(
        'template/duplicate-key',
        { file: checked.source.file, ...d.position, field: d.pointer },
        `"${d.key}" is given twice in the same object; only the last one counts, so the first is silently ignored.`,
        `Keep one "${d.key}" and delete the other.`,
      ),
    );
  }
}

/** The file's place: the folder is the id, the file name is the version. */
export function checkPlace(checked: CheckedTemplate, value: Json, issues: Issue[]): void {
  const id = str(value['id']);
  if (id !== undefined && id !== checked.folder) {
    issues.push(
      error(
        'template/id',
        checked.at('/id'),
        `The id is "${id}", but the file is in the folder contract-templates/${checked.folder}/.`,
        `Make them the same: set "id": "${checked.folder}", or move the file to contract-templates/${id}/.`,
      ),
    );
  }
  const version = str(value['version']);
  if (version !== undefined && SEMVER.test(checked.name) && version !== checked.name) {
    issues.push(
      error(
        'template/version',
        checked.at('/version'),
        `The version is "${version}", but the file is named ${checked.name}.json.`,
        `Make them the same: set "version": "${checked.name}", or rename the file to ${version}.json.`,
      ),
    );
  }
}
