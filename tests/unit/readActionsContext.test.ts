import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ContextError, readActionsContext } from '../../scripts/github/readActionsContext.ts';

const dir = mkdtempSync(join(tmpdir(), 'kitemark-context-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readActionsContext', () => {
  it('reads the repository, addresses, run and event payload', async () => {
    const path = join(dir, 'event.json');
    writeFileSync(path, JSON.stringify({ action: 'opened' }));
    const context = await readActionsContext({
      GITHUB_REPOSITORY: 'org/repo',
      GITHUB_TOKEN: 't',
      GITHUB_RUN_ID: '42',
      GITHUB_EVENT_NAME: 'issues',
      GITHUB_EVENT_PATH: path,
    });
    expect(context).toMatchObject({
      owner: 'org',
      repo: 'repo',
      apiUrl: 'https://api.github.com',
      runUrl: 'https://github.com/org/repo/actions/runs/42',
      payload: { action: 'opened' },
    });
  });

  it('says plainly what is missing or wrong', async () => {
    await expect(readActionsContext({ GITHUB_TOKEN: 't' })).rejects.toThrow(ContextError);
    await expect(readActionsContext({ GITHUB_REPOSITORY: 'org/repo' })).rejects.toThrow(
      'GITHUB_TOKEN is not set',
    );
    await expect(
      readActionsContext({ GITHUB_REPOSITORY: 'a/b/c', GITHUB_TOKEN: 't' }),
    ).rejects.toThrow('owner/repo');
    const path = join(dir, 'array.json');
    writeFileSync(path, '[]');
    await expect(
      readActionsContext({ GITHUB_REPOSITORY: 'a/b', GITHUB_TOKEN: 't', GITHUB_EVENT_PATH: path }),
    ).rejects.toThrow('not a JSON object');
  });
});
