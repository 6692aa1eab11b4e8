/**
 * `npm run bench [name …]`: runs the benchmarks and prints their figures as Markdown, for
 * docs/benchmarks.md. Each benchmark is a module in this folder whose default export returns
 * its section. Benchmarks run one after another, never beside each other, on this machine's
 * two cores.
 */
const BENCHMARKS: Record<string, () => Promise<{ default: () => Promise<string> }>> = {
  validate: () => import('./validate.ts'),
  messy: () => import('./messyValidate.ts'),
  history: () => import('./history.ts'),
  downloads: () => import('./downloads.ts'),
  sqlite: () => import('./sqlite.ts'),
  build: () => import('./build.ts'),
  search: () => import('./search.ts'),
  hsds: () => import('./hsds.ts'),
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !(w in BENCHMARKS));
if (unknown.length > 0) {
  console.error(
    `unknown benchmark ${unknown.join(', ')}; known: ${Object.keys(BENCHMARKS).join(', ')}`,
  );
  process.exit(2);
}
console.log(`# Benchmarks (${new Date().toISOString().slice(0, 10)}, Node ${process.version})\n`);
for (const name of wanted.length > 0 ? wanted : Object.keys(BENCHMARKS)) {
  const started = performance.now();
  const section = await (await BENCHMARKS[name]!()).default();
  console.log(section.trimEnd());
  console.log(`\n_(${name}: ${((performance.now() - started) / 1000).toFixed(0)} s)_\n`);
}
