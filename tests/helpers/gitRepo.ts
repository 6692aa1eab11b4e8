/** Temporary git repositories with known commits, for tests of anything that reads history. */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const PROJECT_ROOT = join(import.meta.dirname, '../..');

export interface TempRepo {
  dir: string;
  git(...args: string[]): string;
  write(path: string, text: string): void;
  /** Stages everything and commits; returns the new commit's SHA. */
  commit(message: string): string;
  remove(): void;
}

let clock = 0;

export function createTempRepo(options: { withData?: boolean } = {}): TempRepo {
  const dir = mkdtempSync(join(tmpdir(), 'kitemark-repo-'));
  const git = (...args: string[]) => {
    // Fixed identities and dates, so commits are the same on every machine.
    const date = `2026-01-01T00:00:${String(clock++ % 60).padStart(2, '0')}Z`;
    return execFileSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'Test',
        GIT_AUTHOR_EMAIL: 'test@example.org',
        GIT_COMMITTER_NAME: 'Test',
        GIT_COMMITTER_EMAIL: 'test@example.org',
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_DATE: date,
        GIT_CONFIG_NOSYSTEM: '1',
        HOME: dir,
      },
    }).trim();
  };
  git('init', '--quiet', '--initial-branch=main');
  if (options.withData) cpSync(join(PROJECT_ROOT, 'data'), join(dir, 'data'), { recursive: true });
  return {
    dir,
    git,
    write(path, text) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    },
    commit(message) {
      git('add', '--all');
      git('commit', '--quiet', '--allow-empty', '-m', message);
      return git('rev-parse', 'HEAD');
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
