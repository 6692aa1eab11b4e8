import { relative, resolve, join } from 'node:path';
import * as core from '@actions/core';
import { defineCommand, oneOf, todayOption } from '../command.ts';
import { DEFAULT_DATA_DIR } from '../../io/projectRoot.ts';
import { readRegister } from '../../io/registerFolder.ts';
import { capIssues, ISSUES_PER_CODE } from '../../lib/capIssues.ts';
import { countIssues, formatIssuesText } from '../../lib/formatIssues.ts';
import { todayInLondon } from '../../lib/dates.ts';

export const validateCommand = defineCommand({
  name: 'validate',
  summary: 'check the register against the data standard; exit 1 on errors',
  usage: 'kitemark validate [--data DIR] [--format text|json|github] [--today YYYY-MM-DD]',
  help: `Options:
  --data DIR          the register folder (default: data/)
  --format FORMAT     text (grouped, for people), json (an array of issues on stdout)
                      or github (workflow annotations on the exact lines); default text.
                      json and github list the first ${ISSUES_PER_CODE.toLocaleString('en-GB')} issues of each code, then
                      one issue that counts the rest ("omitted")
  --today DATE        judge expiry and review dates as of DATE (default: today in London)
  --summary           text only: print counts of records and issues, not the issues

Exit status: 0 no errors (warnings allowed), 1 errors found, 2 bad usage.`,
  options: {
    data: { type: 'string' },
    format: { type: 'string' },
    today: { type: 'string' },
    summary: { type: 'boolean' },
  },
  async run(values) {
    const format = oneOf('format', values['format'], ['text', 'json', 'github'] as const, 'text');
    const dir = resolve(typeof values['data'] === 'string' ? values['data'] : DEFAULT_DATA_DIR);
    const today = todayOption(values['today'], todayInLondon());
    const { loaded, issues } = await readRegister(dir, today);
    const { errors, warnings } = countIssues(issues);

    if (format === 'json') {
      writeJsonArray(capIssues(issues));
    } else if (format === 'github') {
      const prefix = displayPath(dir);
      for (const i of capIssues(issues)) {
        const properties = {
          title: i.code,
          file: join(prefix, i.file),
          startLine: i.line,
          startColumn: i.column,
        };
        const message = i.fix ? `${i.message} Fix: ${i.fix}` : i.message;
        if (i.severity === 'error') core.error(message, properties);
        else core.warning(message, properties);
      }
      process.stdout.write(`${errors} errors, ${warnings} warnings.\n`);
    } else {
      const counts = [
        `${loaded.providers.rows.length.toLocaleString('en-GB')} providers`,
        `${loaded.accreditations.rows.length.toLocaleString('en-GB')} accreditations`,
        `${loaded.documents.rows.length.toLocaleString('en-GB')} documents`,
        `${loaded.commissioners.rows.length.toLocaleString('en-GB')} commissioners`,
        `${loaded.templates.length} contract template versions`,
      ];
      const where = displayPath(dir);
      process.stdout.write(`Register in ${where}/ as of ${today}: ${counts.join(', ')}.\n`);
      if (values['summary']) {
        process.stdout.write(`${errors} errors, ${warnings} warnings.\n`);
      } else {
        process.stdout.write(
          `\n${formatIssuesText(issues, { filePrefix: where === '.' ? '' : `${where}/` })}`,
        );
      }
    }
    return errors > 0 ? 1 : 0;
  },
});

/** One issue a line, so a long list is never one giant string in memory. */
function writeJsonArray(items: readonly unknown[]): void {
  const out: string[] = [];
  items.forEach((item, n) => out.push(`${n === 0 ? '[' : ','}\n  ${JSON.stringify(item)}`));
  process.stdout.write(items.length === 0 ? '[]\n' : `${out.join('')}\n]\n`);
}

/** The folder as the user would type it: relative when inside the working folder. */
function displayPath(dir: string): string {
  const rel = relative(process.cwd(), dir);
  return rel === '' ? '.' : rel.startsWith('..') ? dir : rel;
}
