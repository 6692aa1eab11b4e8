import { relative, resolve } from 'node:path';
import { defineCommand, todayOption } from '../command.ts';
import { DEFAULT_DATA_DIR, ROOT } from '../../io/projectRoot.ts';
import { todayInLondon } from '../../lib/dates.ts';
import { formatIssuesText } from '../../lib/formatIssues.ts';
import { safeForLog } from '../../lib/logText.ts';

export const DEFAULT_OUT_DIR = resolve(ROOT, '_site');

/** Options shared by `build` and `serve`: flags win over environment variables. */
export const BUILD_OPTIONS = {
  data: { type: 'string' },
  out: { type: 'string' },
  today: { type: 'string' },
  'base-path': { type: 'string' },
  'site-url': { type: 'string' },
  quiet: { type: 'boolean' },
  'site-only': { type: 'boolean' },
} as const;

export const BUILD_HELP = `  --data DIR          the register folder (default: KITEMARK_DATA or data/)
  --out DIR           the folder to write (default: KITEMARK_OUT or _site/); replaced
                      as a whole only when the build succeeds
  --today DATE        judge statuses as of DATE (default: KITEMARK_TODAY or today in London)
  --base-path PATH    the path the site is served under, such as /kitemark-register/
                      (default: KITEMARK_BASE_PATH or /)
  --site-url URL      the site's public address, for the sitemap and badges (default:
                      KITEMARK_SITE_URL or the homepage in register.json)
  --site-only         build the site's own pages and files only, without the publishers
                      other parts add (downloads, contracts): for the site benchmark
  --quiet             print only errors`;

type Values = Record<string, string | boolean | undefined>;

const str = (v: string | boolean | undefined) => (typeof v === 'string' ? v : undefined);

export function buildOptions(values: Values) {
  return {
    dataDir: resolve(str(values['data']) ?? process.env['KITEMARK_DATA'] ?? DEFAULT_DATA_DIR),
    outDir: resolve(str(values['out']) ?? process.env['KITEMARK_OUT'] ?? DEFAULT_OUT_DIR),
    today: todayOption(values['today'], todayInLondon()),
    basePath: str(values['base-path']) ?? process.env['KITEMARK_BASE_PATH'],
    siteUrl: str(values['site-url']) ?? process.env['KITEMARK_SITE_URL'],
  };
}

/** Builds, printing progress; on an invalid register prints its errors and returns 1. */
export async function runBuild(values: Values): Promise<number> {
  const options = buildOptions(values);
  const quiet = values['quiet'] === true;
  const started = performance.now();
  const say = (line: string) => {
    if (!quiet) process.stdout.write(`${line}\n`);
  };
  // Loaded here, not at the top: Eleventy takes half a second to import, and every other
  // command (and --help) would pay for it.
  const { buildSite } = await import('../../build/buildSite.ts');
  const { RegisterInvalidError } = await import('../../build/loadSiteData.ts');
  try {
    const { data } = await buildSite({
      ...options,
      log: (line) => say(`  ${line}`),
      ...(values['site-only'] === true ? { publishers: [] } : {}),
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    say(
      `Built the site for ${data.register.providers.length.toLocaleString('en-GB')} providers into ${displayPath(options.outDir)}/ in ${seconds} s.`,
    );
    return 0;
  } catch (e) {
    if (!(e instanceof RegisterInvalidError)) throw e;
    const errors = e.issues.filter((i) => i.severity === 'error');
    const where = displayPath(options.dataDir);
    // The message and the issues quote register values: nothing in them may act on the log.
    process.stderr.write(
      safeForLog(
        `Not built: ${e.message}. The previous site, if any, is unchanged.\n\n${formatIssuesText(
          errors,
          { examples: 50, filePrefix: where === '.' ? '' : `${where}/` },
        )}`,
      ),
    );
    return 1;
  }
}

function displayPath(dir: string): string {
  const rel = relative(process.cwd(), dir);
  return rel === '' ? '.' : rel.startsWith('..') ? dir : rel;
}

export const buildCommand = defineCommand({
  name: 'build',
  summary: 'build the public site from the register into _site/',
  usage: 'kitemark build [--data DIR] [--out DIR] [--today YYYY-MM-DD] [--base-path PATH]',
  help: `Validates the register, then writes every page, JSON twin, badge, search index and
published file into a temporary folder and swaps it into place. If the register has errors
nothing is written: they are printed with file, line and column, and the exit status is 1.

Options:
${BUILD_HELP}

Exit status: 0 built, 1 the register has errors, 2 bad usage, 3 the build failed.`,
  options: BUILD_OPTIONS,
  run: (values) => runBuild(values),
});
