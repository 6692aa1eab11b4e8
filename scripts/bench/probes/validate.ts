// What `kitemark validate` does: read the reference list, load and validate. Prints the error
// count and the milliseconds of work (after module loading).
import { readRegister } from '../../io/registerFolder.ts';

const started = performance.now();
const { issues } = await readRegister(process.argv[2]!, '2026-11-26');
const errors = issues.filter((i) => i.severity === 'error').length;
console.log(JSON.stringify({ errors, ms: performance.now() - started }));
