// What `kitemark validate` does, without the process start-up: load and validate.
import { readRegister } from '../../cli/files.ts';

const { issues } = await readRegister(process.argv[2]!, '2026-11-26');
console.log(issues.filter((i) => i.severity === 'error').length);
