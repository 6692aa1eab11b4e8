/** `kitemark diff` as a user runs it, in a temporary repository with known commits. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempRepo, type TempRepo } from '../support/gitRepo.ts';
import { ROOT } from '../support/register.ts';
import type { RegisterDiff } from '../../scripts/lib/diffRegisters.ts';

let repo: TempRepo;
const commits: Record<string, string> = {};

function kitemark(args: string[]) {
  const run = spawnSync(
    process.execPath,
    [join(ROOT, 'scripts/cli/kitemark.js'), 'diff', ...args],
    {
      cwd: repo.dir,
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    },
  );
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(() => {
  repo = createTempRepo({ withData: true });
  commits['start'] = repo.commit('The register');
  const accreditations = readFileSync(join(repo.dir, 'data/accreditations.csv'), 'utf8');
  repo.write(
    'data/accreditations.csv',
    accreditations.replace(/^KM-000002,P000002,accredited,/m, 'KM-000002,P000002,lapsed,'),
  );
  commits['lapse'] = repo.commit('Lapse KM-000002');
  const providers = readFileSync(join(repo.dir, 'data/providers.csv'), 'utf8');
  repo.write(
    'data/providers.csv',
    providers.replace('P000001,Wayfarer Carers Support CIO,', 'P000001,Wayfarer Carers,'),
  );
  commits['rename'] = repo.commit('Rename P000001');
});

afterAll(() => repo.remove());

describe('kitemark diff', () => {
  it('compares two revisions, as JSON', () => {
    const run = kitemark([
      '--base',
      commits['start']!,
      '--head',
      commits['lapse']!,
      '--format',
      'json',
    ]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const diff = JSON.parse(run.stdout) as RegisterDiff;
    expect(diff.changes.map((c) => [c.key, c.kind, c.status])).toEqual([
      ['KM-000002', 'ended', { before: 'accredited', after: 'lapsed' }],
    ]);
  });

  it('compares HEAD~2 with HEAD in words', () => {
    const run = kitemark(['--base', 'HEAD~2', '--head', 'HEAD']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      [
        '1 provider changed, 1 accreditation ended.',
        '',
        'Accreditation status changes (1)',
        '  KM-000002 for P000002 Cedar Good Neighbours CIO: accredited → lapsed (ended)',
        '',
        'Providers changed (1)',
        '  P000001 Wayfarer Carers (renamed)',
        '      name: Wayfarer Carers Support CIO → Wayfarer Carers',
        '',
      ].join('\n'),
    );
  });

  it('compares a revision with a folder (by default HEAD with data/), in Markdown', () => {
    repo.write(
      'data/commissioners.csv',
      readFileSync(join(repo.dir, 'data/commissioners.csv'), 'utf8').replace(
        /\nE06000020,[^\n]*/,
        '',
      ),
    );
    const run = kitemark(['--head', 'data', '--format', 'markdown']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('### Records removed (1)');
    expect(run.stdout).toContain('- Commissioner `E06000020` **Telford &amp; Wrekin Council**');
    expect(kitemark(['--format', 'markdown']).stdout).toBe(run.stdout);
    repo.git('checkout', '--', 'data/commissioners.csv');
  });

  it('exits 1 on a difference with --exit-code, 0 without one', () => {
    expect(kitemark(['--base', 'HEAD~1', '--head', 'HEAD', '--exit-code']).status).toBe(1);
    expect(kitemark(['--base', 'HEAD', '--head', 'HEAD', '--exit-code']).status).toBe(0);
  });

  it('explains bad usage with exit status 2', () => {
    const unknown = kitemark(['--base', 'nope']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('"nope" is not a commit in this repository');
    expect(kitemark(['--format', 'xml']).stderr).toContain(
      '--format must be one of text, json, markdown',
    );
    expect(kitemark(['--base=--upload-pack=evil']).status).toBe(2);
  });

  it('has --help', () => {
    const help = kitemark(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: kitemark diff [--base DIR|REV] [--head DIR|REV]');
  });
});
