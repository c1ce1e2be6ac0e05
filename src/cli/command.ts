/** What a command needs from the outside world; tests pass their own. */
export interface CommandIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whole standard input (for passwords and piped items); read only when a command asks. */
  readStdin: () => Promise<string>;
}

export interface Command {
  /** One line shown in `diboli --help`. */
  summary: string;
  /** Full `diboli NAME --help` text. */
  help: string;
  /** Returns the process exit code. */
  run: (args: string[], io: CommandIO) => Promise<number>;
}

/** A usage mistake: printed as one line, exit code 2. */
export class UsageError extends Error {}
