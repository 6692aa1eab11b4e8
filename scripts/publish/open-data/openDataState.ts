/**
 * What the open-data publishers share within one build, computed once: the register's history
 * from git (the slow part), its change log, record timelines and releases. Keyed by the loaded
 * register, so each build (and each test) gets its own.
 */
import { readRegisterHistory, type RegisterHistoryRead } from '../../io/git/readRegisterHistory.ts';
import { buildChangeLog, type ChangeLog } from '../../lib/history/buildChangeLog.ts';
import { recordHistory, type RecordTimelines } from '../../lib/history/recordHistory.ts';
import { findReleases, withWorkingVersion, type Release } from '../../lib/releases.ts';
import type { PublishContext } from '../kit/publisher.ts';

export interface OpenDataState {
  history: RegisterHistoryRead;
  changeLog: ChangeLog;
  timelines: RecordTimelines;
  /** Every release, oldest first, the working tree's version last if no commit released it. */
  releases: Release[];
  /** When this build ran: the `created` of the current downloads and of a provisional release. */
  now: Date;
}

const states = new WeakMap<object, Promise<OpenDataState>>();

/** `KITEMARK_CACHE=DIR` moves the cache; `KITEMARK_CACHE=` (empty) turns it off. */
export function cacheDir(): string | undefined {
  const value = process.env['KITEMARK_CACHE'];
  return value === undefined ? undefined : value;
}

export function openDataState(context: PublishContext): Promise<OpenDataState> {
  let state = states.get(context.loaded);
  if (!state) {
    state = compute(context);
    states.set(context.loaded, state);
  }
  return state;
}

async function compute(context: PublishContext): Promise<OpenDataState> {
  const cache = cacheDir();
  const history = await readRegisterHistory({
    dataDir: context.dataDir,
    ...(cache !== undefined ? { cacheDir: cache } : {}),
  });
  const now = process.env['SOURCE_DATE_EPOCH']
    ? new Date(Number(process.env['SOURCE_DATE_EPOCH']) * 1000)
    : new Date();
  const changeLog = buildChangeLog(history, {
    ...(context.site.repositoryUrl ? { repositoryUrl: context.site.repositoryUrl } : {}),
  });
  return {
    history,
    changeLog,
    timelines: recordHistory(history),
    releases: withWorkingVersion(findReleases(history), context.register.meta.version, now),
    now,
  };
}

/**
 * Each provider's timeline, oldest first, for the provider page: call it from a publisher (it
 * reads the history once per build, shared with the open-data publishers). `note` says why
 * there is no history, when there is none.
 */
export async function providerTimelines(
  context: PublishContext,
): Promise<{ timelines: RecordTimelines; note?: string }> {
  const state = await openDataState(context);
  return state.history.note
    ? { timelines: state.timelines, note: state.history.note }
    : { timelines: state.timelines };
}
