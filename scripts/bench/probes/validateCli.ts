// `kitemark validate` itself, with its arguments: what a user runs, output and all.
import { main } from '../../cli/main.ts';

process.exitCode = await main(process.argv.slice(2));
