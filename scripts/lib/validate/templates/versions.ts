/**
 * The rules between the versions of one template: `supersedes` names an earlier version that
 * exists, publication dates run in order, and only one version is published at a time.
 */
import { raising, type Issue } from '../../issue.ts';
import { compareVersions } from '../../releases.ts';
import { SEMVER, type CheckedTemplate, type TemplateCheckOptions } from './checkedTemplate.ts';
import { str } from '../json.ts';

const { error, warning } = raising([
  'template/supersedes',
  'template/supersedes-missing',
  'template/published-on',
  'template/published-future',
  'template/multiple-published',
  'template/superseded-by',
]);

/** The rules between versions of one template. */
export function checkVersions(
  files: CheckedTemplate[],
  issues: Issue[],
  options: TemplateCheckOptions,
): void {
  const byFolder = new Map<string, CheckedTemplate[]>();
  for (const f of files) {
    if (!f.value || !SEMVER.test(f.name)) continue;
    const list = byFolder.get(f.folder) ?? [];
    list.push(f);
    byFolder.set(f.folder, list);
  }
  for (const [folder, list] of byFolder) {
    list.sort((a, b) => compareVersions(a.name, b.name));
    const byVersion = new Map(list.map((f) => [f.name, f]));
    const supersededBy = new Map<string, CheckedTemplate[]>();
    for (const f of list) {
      const value = f.value!;
      const supersedes = value['supersedes'];
      const publishedOn = str(value['published_on']);
      if (typeof supersedes === 'string' && SEMVER.test(supersedes)) {
        const target = byVersion.get(supersedes);
        if (supersedes === f.name) {
          issues.push(
            error(
              'template/supersedes',
              f.at('/supersedes'),
              `Version ${f.name} says it supersedes itself.`,
              'Name the earlier version it replaces, or null if it is the first version.',
            ),
          );
        } else if (!target) {
          const earlier = list
            .filter((o) => compareVersions(o.name, f.name) < 0)
            .map((o) => o.name);
          issues.push(
            error(
              'template/supersedes',
              f.at('/supersedes'),
              `Version ${f.name} supersedes ${supersedes}, but there is no contract-templates/${folder}/${supersedes}.json.`,
              earlier.length
                ? `Name the version it replaces: ${earlier.join(', ')}.`
                : 'Set "supersedes": null: there is no earlier version of this template.',
            ),
          );
        } else if (compareVersions(supersedes, f.name) > 0) {
          issues.push(
            error(
              'template/supersedes',
              f.at('/supersedes'),
              `Version ${f.name} supersedes ${supersedes}, which is a later version: a version can only replace an earlier one.`,
              'Name the earlier version it replaces, or swap the two.',
            ),
          );
        } else {
          supersededBy.set(supersedes, [...(supersededBy.get(supersedes) ?? []), f]);
          const before = str(target.value!['published_on']);
          if (publishedOn && before && publishedOn < before) {
            issues.push(
              error(
                'template/published-on',
                f.at('/published_on'),
                `Version ${f.name} was published on ${publishedOn}, before version ${supersedes} that it replaces (published on ${before}).`,
                'Check both dates: a version is published after the one it replaces.',
              ),
            );
          }
        }
      } else if (supersedes === null) {
        const earlier = list.filter((o) => compareVersions(o.name, f.name) < 0);
        if (earlier.length > 0) {
          issues.push(
            warning(
              'template/supersedes-missing',
              f.at('/supersedes'),
              `Version ${f.name} does not say which version it replaces, but ${earlier.map((o) => o.name).join(' and ')} ${earlier.length > 1 ? 'are' : 'is'} earlier.`,
              `Set "supersedes": "${earlier.at(-1)!.name}".`,
            ),
          );
        }
      }
      if (
        options.today &&
        value['status'] === 'published' &&
        publishedOn &&
        /^\d{4}-\d{2}-\d{2}$/.test(publishedOn) &&
        publishedOn > options.today
      ) {
        issues.push(
          warning(
            'template/published-future',
            f.at('/published_on'),
            `Version ${f.name} is marked published, but its publication date ${publishedOn} is after today (${options.today}).`,
            'Keep it in consultation or pressure-testing until it is published, or correct the date.',
          ),
        );
      }
    }
    const published = list.filter((f) => f.value!['status'] === 'published');
    if (published.length > 1) {
      const latest = published.at(-1)!;
      for (const f of published.slice(0, -1)) {
        issues.push(
          error(
            'template/multiple-published',
            f.at('/status'),
            `Versions ${published.map((p) => p.name).join(' and ')} of ${folder} are all published, but only one version may be published at a time.`,
            `Set the status of ${f.name} to "superseded", and "supersedes": "${f.name}" in ${latest.name} if it replaces it.`,
          ),
        );
      }
    }
    for (const f of list) {
      if (f.value!['status'] === 'superseded' && !supersededBy.has(f.name)) {
        issues.push(
          warning(
            'template/superseded-by',
            f.at('/status'),
            `Version ${f.name} is marked superseded, but no later version says it supersedes ${f.name}.`,
            `Set "supersedes": "${f.name}" in the version that replaced it, or correct this status.`,
          ),
        );
      }
    }
  }
}
