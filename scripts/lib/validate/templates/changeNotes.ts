/** The rules that a version has its change note, newest first, and none for a later version. */
import { raising, type Issue } from '../../issue.ts';
import { compareVersions } from '../../releases.ts';
import { SEMVER, type CheckedTemplate } from './checkedTemplate.ts';
import { arr, obj, str, type Json } from '../json.ts';

const { error, warning } = raising(['template/change-notes', 'template/change-notes-order']);

export function checkChangeNotes(checked: CheckedTemplate, value: Json, issues: Issue[]): void {
  const version = str(value['version']);
  if (!version || !SEMVER.test(version) || !Array.isArray(value['change_notes'])) return;
  const notes = arr(value['change_notes']).map((n, i) => ({
    i,
    version: str(obj(n)?.['version']),
  }));
  const seen = new Set<string>();
  for (const n of notes) {
    if (!n.version || !SEMVER.test(n.version)) continue;
    const at = checked.at(`/change_notes/${n.i}/version`);
    if (seen.has(n.version)) {
      issues.push(
        error(
          'template/change-notes',
          at,
          `There are two change notes for version ${n.version}.`,
          'Keep one note per version: merge them.',
        ),
      );
    } else if (compareVersions(n.version, version) > 0) {
      issues.push(
        error(
          'template/change-notes',
          at,
          `There is a change note for version ${n.version}, which is later than this version (${version}).`,
          'Move the note to the file of the version it describes, or correct its version.',
        ),
      );
    }
    seen.add(n.version);
  }
  if (!seen.has(version)) {
    issues.push(
      error(
        'template/change-notes',
        checked.at('/change_notes'),
        `There is no change note for this version (${version}).`,
        'Add a note at the top of change_notes saying what changed in this version and why.',
      ),
    );
  }
  const ordered = notes.filter((n) => n.version && SEMVER.test(n.version));
  for (let k = 1; k < ordered.length; k++) {
    if (compareVersions(ordered[k - 1]!.version!, ordered[k]!.version!) < 0) {
      issues.push(
        warning(
          'template/change-notes-order',
          checked.at(`/change_notes/${ordered[k]!.i}/version`),
          `The change note for ${ordered[k]!.version} comes after the one for ${ordered[k - 1]!.version}, but notes go newest first.`,
          'Order change_notes from the newest version to the oldest.',
        ),
      );
      break;
    }
  }
}
