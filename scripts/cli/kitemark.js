#!/usr/bin/env node
// The `kitemark` command. TypeScript runs through tsx, so `npx kitemark` needs no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
