import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ownersOf, parseCodeowners, splitOwners } from '../../scripts/github/parseCodeowners.ts';
import { ACCREDITATIONS_PATH } from '../../scripts/github/postReview.ts';
import { ROOT } from '../support/register.ts';

describe('parseCodeowners', () => {
  const rules = parseCodeowners(`# comment
*                 @org/everyone
*.json            @json-person   # trailing comment
/data/            @org/data
data/*.csv        @csv
/docs/**/*.md     @writer
templates/        @anywhere
/data/accreditations.csv
`);

  it('lets the last matching rule win, as GitHub does', () => {
    expect(ownersOf(rules, 'README.md')).toEqual(['@org/everyone']);
    expect(ownersOf(rules, 'package.json')).toEqual(['@json-person']);
    expect(ownersOf(rules, 'data/providers.csv')).toEqual(['@csv']);
    expect(ownersOf(rules, 'data/codelists/services.csv')).toEqual(['@org/data']);
    expect(ownersOf(rules, 'docs/a/b/c.md')).toEqual(['@writer']);
    expect(ownersOf(rules, 'site/templates/x.njk')).toEqual(['@anywhere']);
    // A rule with no owners takes ownership away.
    expect(ownersOf(rules, 'data/accreditations.csv')).toEqual([]);
  });

  it('splits owners into users and teams of the repository owner', () => {
    expect(
      splitOwners(['@alice', '@org/panel', '@other-org/team', 'x@example.org', '@alice'], 'org'),
    ).toEqual({
      users: ['alice'],
      teams: ['panel'],
    });
  });

  it('reads the project CODEOWNERS: the accreditation panel owns awards', () => {
    const project = parseCodeowners(readFileSync(join(ROOT, 'CODEOWNERS'), 'utf8'));
    expect(ownersOf(project, ACCREDITATIONS_PATH)).toEqual([
      '@kitemark-register/accreditation-panel',
    ]);
    expect(ownersOf(project, '.github/workflows/review.yml')).toEqual([
      '@kitemark-register/maintainers',
    ]);
    expect(ownersOf(project, 'data/contract-templates/grant-agreement/1.0.0.json')).toEqual([
      '@kitemark-register/contract-templates',
    ]);
  });
});
