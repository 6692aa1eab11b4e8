// Preloaded into measured processes: reports peak memory on exit (see measure.ts).
process.on('exit', () => {
  process.stderr.write(`\nKITEMARK_PEAK_KIB ${process.resourceUsage().maxRSS}\n`);
});
