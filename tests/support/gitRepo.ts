/**
 * Temporary git repositories with known commits, for tests of anything that reads history or
 * works on a branch: the author, committer and every commit's date are fixed, so the same
 * script always gives the same commits.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT } from './register.ts';

export interface TempRepo {
  dir: string;
  git(...args: string[]): string;
  write(path: string, text: string): void;
  /**
   * Writes `files` (paths relative to the repository; null removes the file), stages everything
   * and commits at `date` (default: a second after the last commit); returns the commit id.
   */
  commit(message: string, files?: ReadonlyMap<string, string | null>, date?: string): string;
  remove(): void;
}

/** A new repository on `main`; `withData` copies the embedded register into `data/`. */
export function createTempRepo(options: { withData?: boolean } = {}): TempRepo {
  const dir = mkdtempSync(join(tmpdir(), 'kitemark-repo-'));
  let clock = Date.parse('2026-01-01T00:00:00Z');
  const git = (...args: string[]) => {
    const date = new Date(clock).toISOString();
    return execFileSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'Ada Maintainer',
        GIT_AUTHOR_EMAIL: 'ada@example.org',
        GIT_COMMITTER_NAME: 'Ada Maintainer',
        GIT_COMMITTER_EMAIL: 'ada@example.org',
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_DATE: date,
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_CONFIG_GLOBAL: '/dev/null',
      },
    }).trim();
  };
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  git('init', '-q', '-b', 'main');
  if (options.withData) cpSync(join(ROOT, 'data'), join(dir, 'data'), { recursive: true });
  return {
    dir,
    git,
    write,
    commit(message, files = new Map(), date) {
      clock = date === undefined ? clock + 1000 : Date.parse(date);
      for (const [path, text] of files) {
        if (text === null) rmSync(join(dir, path), { force: true });
        else write(path, text);
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
