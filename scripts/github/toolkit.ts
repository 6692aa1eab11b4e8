/**
 * The part of the Actions toolkit (@actions/core) the bots use, as an interface: the entry
 * points pass the real toolkit, tests pass a recorder. Only entry points import @actions/core.
 */
export interface Toolkit {
  debug(message: string): void;
  info(message: string): void;
  notice(message: string): void;
  warning(message: string): void;
  error(message: string): void;
  setFailed(message: string): void;
  setOutput(name: string, value: string): void;
}

/** The repository a bot acts on. */
export interface RepoRef {
  owner: string;
  repo: string;
}
