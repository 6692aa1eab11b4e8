/**
 * What the file-system and git edge can refuse. Each carries a stable code; the command line
 * maps them to exit status 2 (a mistake in what was asked for), never a stack trace.
 */
export type InputErrorCode =
  'io/data-folder' | 'io/git-repository' | 'io/git-revision' | 'io/git-folder';

export class InputError extends Error {
  constructor(
    readonly code: InputErrorCode,
    message: string,
  ) {
    super(message);
  }
}
