import { describe, expect, it } from 'vitest';
import { escapeControls, safeForLog } from '../../scripts/lib/logText.ts';

describe('safeForLog', () => {
  it('shows terminal escape sequences instead of sending them', () => {
    const out = safeForLog('name \u001B[2J\u001B]8;;https://evil.example\u0007x\r');
    // eslint-disable-next-line no-control-regex
    expect(out).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F]/);
    expect(out).toContain('\\u001B[2J');
    expect(out).toContain('\\u000D');
  });

  it('neutralises every line that would be a workflow command', () => {
    const out = safeForLog('ok\n::error file=x::boom\n  ::add-mask::secret\n##[set-env name=A]b');
    const lines = out.split('\n');
    expect(lines.filter((l) => /^\s*::/.test(l))).toEqual([]);
    expect(out).not.toContain('##[');
    expect(lines[1]).toBe('\\u003A:error file=x::boom');
  });

  it('keeps ordinary text, line breaks and tabs as they are', () => {
    expect(safeForLog('a: b\n\tc :: d\n')).toBe('a: b\n\tc :: d\n');
  });

  it('escapes line breaks too when a value must stay on one line', () => {
    expect(escapeControls('a\n::error::x')).toBe('a\\u000A::error::x');
  });
});
