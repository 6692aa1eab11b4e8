// What the HSDS publishers do at scale: read and validate the register, model it, write the
// static API tree (as the site build's HSDS publisher does) and the tabular package (as the
// downloads do). Prints the milliseconds of each part, files and bytes.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { readRegister } from '../../io/registerFolder.ts';
import { readGeography } from '../../io/referenceFiles.ts';
import { OutputFolder, dirSink } from '../../io/outputFolder.ts';
import { buildRegister } from '../../lib/buildRegister.ts';
import { createHsdsMapper } from '../../lib/hsds/mapToHsds.ts';
import { writeHsdsPackage } from '../../lib/hsds/hsdsTabular.ts';
import { hsdsFeedFiles } from '../../publish/hsds/publishHsds.ts';

const TODAY = '2026-11-26';
/** Processor time (user and system), which the machine's other work does not inflate. */
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const [dir, out] = process.argv.slice(2) as [string, string];
rmSync(out, { recursive: true, force: true });
const started = performance.now();
const { loaded } = await readRegister(dir, TODAY);
const register = buildRegister(loaded, TODAY);
const geography = await readGeography();
const read = performance.now();
const readCpu = cpu();

const files = new OutputFolder(join(out, 'hsds'));
let apiBytes = 0;
let records = 0;
for (const [path, text] of hsdsFeedFiles({
  register,
  geography,
  siteUrl: 'https://register.example/',
  feedUrl: 'https://register.example/hsds/',
})) {
  files.writeSync(path, text);
  apiBytes += Buffer.byteLength(text);
  if (!path.endsWith('.json') && !path.endsWith('.html')) records++;
}
const api = performance.now();
const apiCpu = cpu();

const sink = dirSink(join(out, 'tabular'));
const tabular = await writeHsdsPackage(
  { register, mapper: createHsdsMapper({ register, geography }), created: `${TODAY}T00:00:00Z` },
  (path, chunks) => sink.write(path, chunks),
);
const done = performance.now();
const doneCpu = cpu();
console.log(
  JSON.stringify({
    providers: register.providers.length,
    services: register.providers.reduce((n, p) => n + p.services.length, 0),
    readMs: read - started,
    apiMs: api - read,
    apiCpuMs: apiCpu - readCpu,
    apiFiles: files.written,
    records,
    apiBytes,
    tabularMs: done - api,
    tabularCpuMs: doneCpu - apiCpu,
    tabularBytes: tabular.reduce((n, f) => n + f.bytes, 0),
  }),
);
