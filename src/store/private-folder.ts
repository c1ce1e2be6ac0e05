import { chmodSync, lstatSync, mkdirSync, readdirSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';

/** The data folder: its owner only may list, read or enter it. */
export const PRIVATE_FOLDER_MODE = 0o700;
/** Every file in it: its owner only may read or write it. */
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Makes `dataDir` (creating it if needed) private to the account that runs the node, and every
 * file directly in it private too: the database holds the node's signing key and the password
 * hashes. Explicit modes rather than a process umask: the umask is process-wide (it would also
 * change the report files an operator writes elsewhere with `--out`), and it would not repair a
 * folder made loose by an earlier version or by hand. Files owned by another account are left to
 * their owner, who alone may change them.
 */
export function makePrivate(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true });
  // The folder may be reached through a link the operator made: the folder it names is tightened.
  tighten(dataDir, PRIVATE_FOLDER_MODE, statSync(dataDir));
  makeFilesPrivate(readdirSync(dataDir).map((name) => join(dataDir, name)));
}

/**
 * Tightens the files SQLite made beside the database once it is open. SQLite gives a new `-wal`
 * or `-shm` file the mode of the database file, so once `diboli.db` is 0600 they are made 0600;
 * files left by an earlier run keep theirs until tightened here.
 */
export function makeFilesPrivate(paths: readonly string[]): void {
  for (const path of paths) {
    const stat = fileOrNothing(path);
    if (stat?.isFile()) tighten(path, PRIVATE_FILE_MODE, stat);
  }
}

function tighten(path: string, mode: number, stat: Stats): void {
  if ((stat.mode & 0o777) === mode) return;
  const uid = process.getuid?.();
  if (uid === undefined || stat.uid !== uid) return;
  chmodSync(path, mode);
}

/** Links in the folder are not followed: the node tightens its own files, not what a link names. */
function fileOrNothing(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}
