import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './usageError.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Lines of `--help` after the usage line: each option and what it does. */
  help: string;
  options: Options;
  run(values: Record<string, string | boolean | undefined>, positionals: string[]): Promise<number>;
}

export function defineCommand(command: Command): Command {
  return command;
}

export function parse(command: Command, argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

export function helpText(command: Command): string {
  return `${command.summary}\n\nUsage: ${command.usage}\n\n${command.help}\n  -h, --help          show this help\n`;
}

/** `--today` (or KITEMARK_TODAY) pins "today", so expiry warnings are reproducible. */
export function todayOption(value: string | boolean | undefined, fallback: string): string {
  const today = typeof value === 'string' ? value : (process.env['KITEMARK_TODAY'] ?? fallback);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today))) {
    throw new UsageError(`--today must be a date such as 2026-04-01, not "${today}"`);
  }
  return today;
}

export function oneOf<T extends string>(
  name: string,
  value: unknown,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value))
    return value as T;
  throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, not "${String(value)}"`);
}
