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

/**
 * When the current files were made, for their `created` and every other date in them: the
 * SOURCE_DATE_EPOCH convention (seconds since 1970) when set, else the time of the commit being
 * built, else the start of the build's day. Never the clock: two builds of one commit give the
 * same bytes (reproducible-builds.org/specs/source-date-epoch/).
 */
export function buildTime(options: {
  sourceDateEpoch?: string | undefined;
  commitDate?: string | undefined;
  today: string;
}): Date {
  const epoch = options.sourceDateEpoch;
  if (epoch !== undefined && epoch !== '') {
    if (!/^[0-9]{1,12}$/.test(epoch))
      throw new Error(
        `SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 UTC, not "${epoch}"`,
      );
    return new Date(Number(epoch) * 1000);
  }
  return new Date(options.commitDate ?? `${options.today}T00:00:00Z`);
}

/**
 * The version of the current, unreleased files: a SemVer pre-release of the next patch after
 * the newest release, counting the register's commits since it and naming the commit built,
 * `1.2.1-dev.3+a1b2c3d`. It sorts after the release and before whatever version comes next
 * (a patch, minor or major). A provisional newest release (a version bump not yet committed)
 * is what these files will become, so they are its pre-release: `1.3.0-dev+a1b2c3d`.
 */
export function unreleasedVersion(
  latest: Release | undefined,
  options: { commitsSince: number; commit?: string | undefined; workingVersion: string },
): string {
  const build = options.commit ? `+${options.commit.slice(0, 7)}` : '';
  if (!latest || latest.provisional || !isSafeVersion(latest.version))
    return `${latest?.version ?? options.workingVersion}-dev${build}`;
  const [major, minor, patch] = latest.version.split('.').map(Number) as [number, number, number];
  return `${major}.${minor}.${patch + 1}-dev.${options.commitsSince}${build}`;
}
