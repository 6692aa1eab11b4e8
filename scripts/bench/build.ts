/**
 * The site build at scale (`npm run bench build`): for generated registers, `kitemark build
 * --site-only` (every page, JSON twin, badge, the search index and the sitemap: the site's
 * own output), beside a plain template-literal writer of the same record pages, beside the
 * same record pages as Eleventy templates, and the whole `npm run build` with every other
 * publisher (downloads, contracts) for information. Each in a fresh process: wall time and
 * peak memory (resident set, worker threads included). Budget at 50,000: 90 s and 2 GiB.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { BENCH_DIR, ROOT, measure, type Measurement } from './measure.ts';
import { generated } from './validate.ts';

const SIZES = [10_000, 50_000];
const CLI = join(ROOT, 'scripts/cli/kitemark.js');
const PROBES = {
  plain: join(ROOT, 'scripts/bench/probes/plainRecordWriter.ts'),
  eleventy: join(ROOT, 'scripts/bench/probes/eleventyRecords.ts'),
};

/**
 * A new output folder per run. They are deleted only when every measurement is done, in the
 * background: deleting 250,000 files takes minutes on this disk and would slow the next run.
 */
const outputs: string[] = [];
function outDir(label: string): string {
  const dir = join(BENCH_DIR, `out-${label}-${Date.now()}`);
  outputs.push(dir);
  return dir;
}
function removeOutputs(): void {
  if (outputs.length > 0)
    spawn('rm', ['-rf', ...outputs], { detached: true, stdio: 'ignore' }).unref();
}

/** A measurement that may fail (the full build runs other people's publishers). */
function attempt(run: () => Measurement): Measurement | string {
  try {
    return run();
  } catch (e) {
    return (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 200);
  }
}

const seconds = (m: Measurement | string) =>
  typeof m === 'string' ? 'failed' : `${(m.ms / 1000).toFixed(1)} s`;
const mib = (m: Measurement | string) =>
  typeof m === 'string' ? 'failed' : `${m.peakMiB.toFixed(0)} MiB`;

/** The step timings the build prints ("  render pages (Eleventy): 1.2 s"). */
function steps(stdout: string): string {
  return [...stdout.matchAll(/^ {2}(.+): ([\d.]+) s$/gm)]
    .map((m) => `${m[1]} ${m[2]} s`)
    .join('; ');
}

export default async function buildBenchmark(): Promise<string> {
  const lines = [
    '## Site build (`npm run bench build`)',
    '',
    'Generated registers (`kitemark generate --seed 1 --today 2026-11-26`), built with `KITEMARK_TODAY=2026-11-26`. One run each, in a fresh process; the machine has 2 cores, and the disk writes about 250,000 files at 50,000 providers (providers, certificates, badges, JSON twins), which dominates. "Site" is `kitemark build --site-only` (pages, record files, search index, sitemap); "plain writer" renders and writes the same record pages with the same functions and `writeFileSync`, nothing else; "Eleventy records" renders the same provider and certificate pages as paginated Eleventy JavaScript templates; "npm run build" adds the other publishers (downloads, data package, change log, contracts).',
    '',
    '| providers | site: time | site: peak | plain writer: time | plain writer: peak | Eleventy records: time | Eleventy records: peak | npm run build: time | npm run build: peak |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const details: string[] = [];
  try {
    for (const size of SIZES) {
      const data = generated(size);
      const env = { KITEMARK_TODAY: '2026-11-26' };
      const site = measure(
        CLI,
        ['build', '--site-only', '--data', data, '--out', outDir(`site-${size}`)],
        env,
      );
      const plain = measure(PROBES.plain, [data, outDir(`plain-${size}`)], env);
      const eleventy = attempt(() =>
        measure(PROBES.eleventy, [data, outDir(`eleventy-${size}`)], env),
      );
      const full = attempt(() =>
        measure(CLI, ['build', '--data', data, '--out', outDir(`full-${size}`)], env),
      );
      lines.push(
        `| ${size.toLocaleString('en-GB')} | ${seconds(site)} | ${mib(site)} | ${seconds(plain)} | ${mib(plain)} | ${seconds(eleventy)} | ${mib(eleventy)} | ${seconds(full)} | ${mib(full)} |`,
      );
      details.push(
        `- ${size.toLocaleString('en-GB')} providers, site steps: ${steps(site.stdout)}.`,
      );
      details.push(
        typeof full === 'string'
          ? `- ${size.toLocaleString('en-GB')} providers, npm run build failed: ${full}`
          : `- ${size.toLocaleString('en-GB')} providers, npm run build steps: ${steps(full.stdout)}.`,
      );
      if (typeof eleventy === 'string') details.push(`- Eleventy records at ${size}: ${eleventy}`);
    }
  } finally {
    removeOutputs();
  }
  return [...lines, '', ...details].join('\n');
}
