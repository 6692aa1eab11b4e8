/** A Toolkit that records what a bot said, instead of printing workflow commands. */
import type { Toolkit } from '../../scripts/github/toolkit.ts';

export interface RecordingToolkit extends Toolkit {
  messages: { level: string; message: string }[];
  outputs: Record<string, string>;
  failures: string[];
  text(): string;
}

export function recordingToolkit(): RecordingToolkit {
  const messages: { level: string; message: string }[] = [];
  const outputs: Record<string, string> = {};
  const failures: string[] = [];
  const say = (level: string) => (message: string) => void messages.push({ level, message });
  return {
    messages,
    outputs,
    failures,
    debug: say('debug'),
    info: say('info'),
    notice: say('notice'),
    warning: say('warning'),
    error: say('error'),
    setFailed: (message: string) => {
      failures.push(message);
      messages.push({ level: 'failed', message });
    },
    setOutput: (name: string, value: string) => void (outputs[name] = value),
    text: () => messages.map((m) => `${m.level}: ${m.message}`).join('\n'),
  };
}
