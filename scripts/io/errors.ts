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

/**
 * A file that would land outside the folder being written: a fault in the build or hostile
 * input, so nothing is written there. Not the user's request, so not an InputError.
 */
export class OutputPathError extends Error {
  readonly code = 'io/output-path';
}
