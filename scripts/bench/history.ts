/**
 * The build on a long history (`npm run bench history`): a repository with 1,000 commits of
 * register changes (scripts/bench/historyRepo.ts: the embedded register, then one maintainer's
 * change per commit, a third of them merge commits, a release every 20 commits), built with
 * `kitemark build` (what `npm run build` runs) three ways: cold (no history cache, no snapshot
 * archive: a fresh CI machine), warm (both kept: the next build), and warm after one more
 * commit (the usual deploy). Each build is a fresh process.
 */
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { BENCH_DIR, ROOT, type Measurement } from './measure.ts';
import { createHistoryRepo } from './historyRepo.ts';

const COMMITS = 1_000;
const RELEASE_EVERY = 20;

function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
  }
  return total;
}

export default async function historyBenchmark(): Promise<string> {
  const repo = join(BENCH_DIR, `history-${COMMITS}`);
  if (!existsSync(join(repo, '.git'))) {
    await createHistoryRepo({ dir: repo, commits: COMMITS, releaseEvery: RELEASE_EVERY });
  }
  const git = (...args: string[]) =>
    spawnSync('git', args, { cwd: repo, encoding: 'utf8' }).stdout.trim();
  // Back to the 1,000th commit, in case an earlier run added one.
  git(
    'reset',
    '-q',
    '--hard',
    git(
      'rev-list',
      '--first-parent',
      '--max-count=1',
      `--skip=${Number(git('rev-list', '--first-parent', '--count', 'HEAD')) - COMMITS}`,
      'HEAD',
    ),
  );
  const out = join(BENCH_DIR, 'history-site');
  const env = {
    KITEMARK_DATA: join(repo, 'data'),
    KITEMARK_OUT: out,
    KITEMARK_TODAY: '2026-11-26',
  };
  // Not measure(): its --import flags would pass to the build's worker threads. GNU time gives
  // the peak resident memory of the whole process, worker threads included.
  const build = (): Measurement => {
    const started = performance.now();
    const run = spawnSync(
      '/usr/bin/time',
      [
        '-f',
        'KITEMARK_PEAK_KIB %M',
        process.execPath,
        join(ROOT, 'scripts/cli/kitemark.js'),
        'build',
      ],
      { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 30 },
    );
    const ms = performance.now() - started;
    if (run.status !== 0)
      throw new Error(`kitemark build failed (${run.status}): ${run.stderr.slice(-2000)}`);
    const peakKiB = Number(/KITEMARK_PEAK_KIB (\d+)/.exec(run.stderr)?.[1] ?? NaN);
    return { ms, peakMiB: peakKiB / 1024, stdout: run.stdout + run.stderr };
  };
  const steps = (m: Measurement) =>
    Object.fromEntries(
      [...m.stdout.matchAll(/^ {2}(.+): ([\d.]+) s$/gm)].map((x) => [x[1]!, Number(x[2])]),
    );

  rmSync(join(repo, '.cache'), { recursive: true, force: true });
  const cold = build();
  const warm = build();
  const commitsOnMain = git('rev-list', '--first-parent', '--count', 'HEAD');
  const merges = git('rev-list', '--first-parent', '--merges', '--count', 'HEAD');
  const versions = readdirSync(join(out, 'data/v')).filter((n) => /^\d/.test(n)).length;
  const snapshotBytes = folderBytes(join(out, 'data/v')) / versions;
  const siteBytes = folderBytes(out);
  const rows = (table: string) =>
    readFileSync(join(out, 'data', `${table}.csv`), 'utf8')
      .trimEnd()
      .split('\n').length - 1;
  const size = `${rows('providers').toLocaleString('en-GB')} providers, ${rows('accreditations').toLocaleString('en-GB')} awards and ${rows('documents').toLocaleString('en-GB')} documents`;

  // One more commit, as a deploy after a merge would see it.
  const providers = join(repo, 'data/providers.csv');
  writeFileSync(
    providers,
    readFileSync(providers, 'utf8').replace(/^(P000002,)([^,]*)/m, '$1$2 (one more change)'),
  );
  spawnSync('git', ['commit', '-q', '-am', 'One more change (#1001)'], {
    cwd: repo,
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Bench',
      GIT_AUTHOR_EMAIL: 'b@example.org',
      GIT_COMMITTER_NAME: 'Bench',
      GIT_COMMITTER_EMAIL: 'b@example.org',
    },
  });
  const next = build();
  git('reset', '-q', '--hard', 'HEAD~1');

  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const mb = (b: number) => `${(b / 1_000_000).toFixed(1)} MB`;
  const row = (name: string, m: Measurement) => {
    const t = steps(m);
    const open = Object.entries(t).filter(([k]) => k.startsWith('open data'));
    return `| ${name} | ${s(m.ms)} | ${open.map(([k, v]) => `${k.replace('open data: ', '')} ${v.toFixed(1)} s`).join('; ')} | ${Math.round(m.peakMiB)} MiB |`;
  };
  return [
    '## Build on a long history (`npm run bench history`)',
    '',
    `A repository of ${commitsOnMain} commits on the main line (${merges} of them merge commits of pull requests), made by \`scripts/bench/historyRepo.ts\` from the embedded register: providers applying, applications accredited with their documents, documents re-verified, providers renamed or changing contact details, awards lapsing and renewed. A release (version bump) every ${RELEASE_EVERY} commits gives ${versions} versions. At the last commit the register has ${size}. Each figure is one \`kitemark build\` (\`npm run build\`) in a fresh process with KITEMARK_DATA and KITEMARK_OUT set; the open-data steps are the build's own timings.`,
    '',
    '| build | total | open-data steps | peak memory |',
    '|---|---:|---|---:|',
    row('cold: no history cache, no releases folder (a fresh CI machine)', cold),
    row('warm: cache and releases folder kept (the next build)', warm),
    row('warm, one new commit (a deploy after a merge)', next),
    '',
    `Load average while measuring: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(
        ', ',
      )} on ${availableParallelism()} cores (other work shares the machine, so take the figures as upper bounds).`,
    '',
    `Output: ${mb(siteBytes)} in all; each version costs the site ${mb(snapshotBytes)} (its page, datapackage.json, SHA256SUMS, README.md and, as no GitHub Release holds it in this benchmark, its archive).`,
  ].join('\n');
}
