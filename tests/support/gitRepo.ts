/**
 * Temporary git repositories with known commits, for the history tests: each commit's date,
 * author and message are fixed, so the same script always gives the same commits.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface TestRepo {
  dir: string;
  git(...args: string[]): string;
  /** Writes `files` (paths relative to the repository) and commits them; returns the commit id. */
  commit(message: string, files: ReadonlyMap<string, string | null>, date: string): string;
  remove(): void;
}

export function createTestRepo(): TestRepo {
  const dir = mkdtempSync(join(tmpdir(), 'kitemark-history-'));
  let clock = '';
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'Ada Maintainer',
        GIT_AUTHOR_EMAIL: 'ada@example.org',
        GIT_COMMITTER_NAME: 'Ada Maintainer',
        GIT_COMMITTER_EMAIL: 'ada@example.org',
        GIT_AUTHOR_DATE: clock,
        GIT_COMMITTER_DATE: clock,
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_CONFIG_GLOBAL: '/dev/null',
      },
    }).trim();
  clock = '2026-01-01T00:00:00Z';
  git('init', '-q', '-b', 'main');
  return {
    dir,
    git,
    commit(message, files, date) {
      clock = date;
      for (const [path, text] of files) {
        const full = join(dir, path);
        if (text === null) {
          rmSync(full, { force: true });
          continue;
        }
        mkdirSync(dirname(full), { recursive: true });
        writeFileSync(full, text);
      }
      git('add', '-A');
      git('commit', '-q', '--allow-empty', '-m', message);
      return git('rev-parse', 'HEAD');
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Prefixes every path with `data/`. */
export function inData(files: ReadonlyMap<string, string | null>): Map<string, string | null> {
  return new Map([...files].map(([p, t]) => [`data/${p}`, t]));
}
