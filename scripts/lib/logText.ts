/**
 * Text made safe to print to a terminal or a CI log. Register values reach `validate`'s text
 * output and the build's failure output; printed raw, an ESC sequence could clear the screen,
 * hide text or plant links, and a line starting `::` is a GitHub workflow command (`::error`,
 * `::add-mask::`, `::stop-commands::`) the runner would obey. Control, direction and invisible
 * characters are shown as `\u001B`-style escapes, and a line that would start a workflow command
 * has its first colon escaped, so people still read what the data says.
 */
import { forbiddenCharacterAt } from './textPolicy.ts';

/** Escapes every character the text policy forbids; line breaks only when `oneLine`. */
export function escapeControls(text: string, oneLine = true): string {
  // A carriage return alone lets later text overwrite the line on a terminal.
  const unsafe = (s: string) =>
    s.includes('\r') || forbiddenCharacterAt(s, { multiline: !oneLine }) >= 0;
  if (!unsafe(text)) return text;
  let out = '';
  for (const ch of text) out += unsafe(ch) ? escape(ch) : ch;
  return out;
}

function escape(ch: string): string {
  const code = ch.codePointAt(0)!;
  return code > 0xffff
    ? `\\u{${code.toString(16).toUpperCase()}}`
    : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Whole output for a log: controls escaped (tabs and line breaks kept), and no line that the
 * Actions runner would take for a command (`::name…`, or the older `##[name]` form).
 */
export function safeForLog(text: string): string {
  return escapeControls(text, false)
    .split('\n')
    .map((line) => line.replace(/^(\s*):(?=:)/, '$1\\u003A').replaceAll('##[', '#\\u0023['))
    .join('\n');
}
