/**
 * Register versions as published releases. A version is released by the first commit of the
 * main line whose register.json carries it; that commit's files are the version's snapshot,
 * for good: later commits that leave the version unchanged are unreleased changes, never edits
 * of a published version. A version that is only in the working tree (no git, or not yet
 * committed) is a provisional release, built from the files as they are.
 */
import { todayInLondon } from './dates.ts';
import type { RegisterHistory } from './history/historyTypes.ts';

export interface Release {
  version: string;
  /** The commit that released it; absent for a provisional release. */
  commit?: string;
  /** When it was released (the commit's date), RFC 3339 in UTC. */
  date: string;
  /** Built from files that are not in a commit: may still change. */
  provisional: boolean;
  pullRequest?: number;
}

/** `2026-01-02T10:00:00+01:00` → `2026-01-02T09:00:00Z`: one form, in UTC, to the second. */
export function utcSeconds(date: string | Date): string {
  return new Date(date).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The day a release's statuses are judged on: its date in the UK. */
export function releaseDay(release: Pick<Release, 'date'>): string {
  return todayInLondon(new Date(release.date));
}

/** Releases in the order they were made, each version once (its first appearance). */
export function findReleases(history: RegisterHistory): Release[] {
  const releases: Release[] = [];
  const seen = new Set<string>();
  for (const step of history.steps) {
    const version = step.diff.head.version;
    if (version === undefined || seen.has(version) || step.diff.base.version === version) continue;
    seen.add(version);
    releases.push({
      version,
      commit: step.commit.commit,
      date: utcSeconds(step.commit.date),
      provisional: false,
      ...(step.pullRequest !== undefined ? { pullRequest: step.pullRequest } : {}),
    });
  }
  return releases;
}

/**
 * Adds the working tree's version as a provisional release when no commit has released it yet
 * (a build without git, or a version bump not yet committed).
 */
export function withWorkingVersion(
  releases: readonly Release[],
  version: string,
  now: Date,
): Release[] {
  if (releases.some((r) => r.version === version)) return [...releases];
  return [...releases, { version, date: utcSeconds(now), provisional: true }];
}

/** The newest release: the last one made. */
export function latestRelease(releases: readonly Release[]): Release | undefined {
  return releases.at(-1);
}

const SEMVER = /^(\d+)\.(\d+)\.(\d+)$/;

/** Semantic version order (1.9.0 before 1.10.0); anything else in plain text order. */
export function compareVersions(a: string, b: string): number {
  const x = SEMVER.exec(a);
  const y = SEMVER.exec(b);
  if (!x || !y) return a < b ? -1 : a > b ? 1 : 0;
  for (let i = 1; i <= 3; i++) {
    const d = Number(x[i]) - Number(y[i]);
    if (d !== 0) return d;
  }
  return 0;
}

/** A version safe to use as a folder name (the schema allows only MAJOR.MINOR.PATCH). */
export function isSafeVersion(version: string): boolean {
  return /^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$/.test(version);
}
