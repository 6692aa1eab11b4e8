// Preloaded into measured processes: reports peak memory and CPU time on exit (see measure.ts).
process.on('exit', () => {
  const usage = process.resourceUsage();
  process.stderr.write(`\nKITEMARK_PEAK_KIB ${usage.maxRSS}\n`);
  // CPU time (user + system) says what wall time does not on a busy machine.
  process.stderr.write(
    `KITEMARK_CPU_MS ${Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000)}\n`,
  );
});
