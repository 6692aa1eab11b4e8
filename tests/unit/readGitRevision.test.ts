import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGitRevision, resolveRevision } from '../../scripts/io/git/readGitRevision.ts';
import { InputError } from '../../scripts/io/errors.ts';
import { createTempRepo, type TempRepo } from '../support/gitRepo.ts';

let repo: TempRepo;
let first: string;
let second: string;

beforeAll(() => {
  repo = createTempRepo();
  repo.write('data/providers.csv', 'provider_id,name\nP000001,First\n');
  repo.write('data/codelists/services.csv', 'code,title\nadvocacy,Advocacy\n');
  repo.write('data/notes.txt', 'not a register file\n');
  repo.write('elsewhere/providers.csv', 'outside the data folder\n');
  first = repo.commit('First');
  repo.write('data/providers.csv', 'provider_id,name\nP000001,First\nP000002,Second "quoted"\n');
  repo.git('tag', 'v1.0.0');
  second = repo.commit('Second');
  repo.write('data/providers.csv', 'uncommitted\n');
});

afterAll(() => repo.remove());

const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

describe('readGitRevision', () => {
  it('reads the data folder as it was at a revision, keyed like readDataDir', async () => {
    const sources = await readGitRevision(repo.dir, 'HEAD~1');
    expect(sources.commit).toBe(first);
    expect([...sources.keys()].sort()).toEqual(['codelists/services.csv', 'providers.csv']);
    expect(text(sources.get('providers.csv'))).toBe('provider_id,name\nP000001,First\n');
    expect(sources.get('notes.txt')).toBeUndefined();
  });

  it('takes branches, tags and SHAs, ignores the working tree, and works from a subfolder', async () => {
    expect(text((await readGitRevision(repo.dir, 'main')).get('providers.csv'))).toContain(
      'P000002,Second "quoted"',
    );
    expect((await readGitRevision(repo.dir, second.slice(0, 10))).commit).toBe(second);
    expect((await readGitRevision(`${repo.dir}/data`, 'HEAD')).commit).toBe(second);
  });

  it('refuses revisions git would read as options, and says when there is no such commit', async () => {
    await expect(resolveRevision(repo.dir, '--output=/tmp/x')).rejects.toBeInstanceOf(InputError);
    await expect(resolveRevision(repo.dir, 'no-such-branch')).rejects.toThrow('is not a commit');
    await expect(readGitRevision(repo.dir, 'HEAD', 'missing')).rejects.toThrow(
      'no missing/ folder',
    );
  });
});
