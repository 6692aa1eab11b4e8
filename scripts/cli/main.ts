/** The `kitemark` command line: a thin edge that reads files, calls the pure modules, prints. */
import { helpText, parse, type Command } from './command.ts';
import { UsageError } from './usageError.ts';
import { InputError } from '../io/errors.ts';
import { safeForLog } from '../lib/logText.ts';
import { validateCommand } from './commands/validate.ts';
import { fixCommand } from './commands/fix.ts';
import { generateCommand } from './commands/generate.ts';
import { diffCommand } from './commands/diff.ts';
import { buildCommand } from './commands/build.ts';
import { serveCommand } from './commands/serve.ts';
import { downloadsCommand } from './commands/downloads.ts';
import { hsdsCommand } from './commands/hsds.ts';
import { priceCommand } from './commands/price.ts';

export const COMMANDS: Command[] = [
  validateCommand,
  fixCommand,
  generateCommand,
  diffCommand,
  buildCommand,
  serveCommand,
  downloadsCommand,
  hsdsCommand,
  priceCommand,
];

const USAGE = `kitemark: tools for the Kitemark Register

Usage: kitemark <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`).join('\n')}

Run \`kitemark <command> --help\` for a command's options.
`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`kitemark: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  try {
    const { values, positionals } = parse(command, rest);
    if (values['help']) {
      process.stdout.write(helpText(command));
      return 0;
    }
    return await command.run(values, positionals);
  } catch (e) {
    if (e instanceof UsageError || e instanceof InputError) {
      process.stderr.write(
        `kitemark ${command.name}: ${e.message}\nRun \`kitemark ${command.name} --help\` for usage.\n`,
      );
      return 2;
    }
    // Never a stack trace for users; KITEMARK_DEBUG=1 shows it for developers.
    const message = e instanceof Error ? e.message : String(e);
    // A failure's message can quote data (a file name, a cell): keep it from acting on the log.
    process.stderr.write(safeForLog(`kitemark ${command.name}: ${message}\n`));
    if (process.env['KITEMARK_DEBUG'] && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    return 3;
  }
}
