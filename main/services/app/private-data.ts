import { chmod, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';

// The data folder holds phone lists, account names, the submission journal and the logs: on a
// shared computer no other user may read them. POSIX modes only; Windows keeps the data folder
// in the user's own profile, whose access list already says so.

/** Folders: owner only. */
export const PRIVATE_FOLDER_MODE = 0o700;
/** Files: owner reads and writes, nobody else anything. */
export const PRIVATE_FILE_MODE = 0o600;
/** Folders of the data folder whose files are all the app's own (tightened one level down). */
const APP_FOLDERS = new Set(['logs', 'backups']);

function codeOf(error: unknown): string {
  return error instanceof Error && 'code' in error && typeof error.code === 'string'
    ? error.code
    : 'unknown';
}

/**
 * From now on, files this process creates are 0600 and folders 0700 (umask 077).
 *
 * The one choke point for files made by libraries with their own defaults: SQLite's database and
 * its -wal/-shm, the settings store's atomic rewrites, database backups (`VACUUM INTO`), exports.
 * Call it first thing in main. Returns the function that puts the previous mask back (tests).
 */
export function restrictNewFiles(platform: string = process.platform): () => void {
  if (platform === 'win32') return () => undefined;
  const previous = process.umask(0o077);
  return () => {
    process.umask(previous);
  };
}

/** A file or folder whose mode could not be set, by its name in the data folder. */
export interface ModeProblem {
  readonly name: string;
  readonly code: string;
}

/**
 * Makes the data folder 0700 and what is in it private: every file at its top 0600, every folder
 * 0700, and the files in `logs/` and `backups/` 0600.
 *
 * Run at every start: a data folder made by an older version (or by Electron before the app ran)
 * is 0755 with 0644 files. Symbolic links are left alone (never followed). Never throws: what it
 * could not change is returned for the log, and the app starts anyway.
 */
export async function protectDataFolder(
  folder: string,
  platform: string = process.platform,
): Promise<readonly ModeProblem[]> {
  if (platform === 'win32') return [];
  const problems: ModeProblem[] = [];
  const tighten = async (target: string, mode: number) => {
    try {
      await chmod(target, mode);
    } catch (error) {
      // Gone in between (a rotated log, a finished backup): nothing to protect.
      if (codeOf(error) !== 'ENOENT') {
        problems.push({ name: path.relative(folder, target) || '.', code: codeOf(error) });
      }
    }
  };
  try {
    await mkdir(folder, { recursive: true, mode: PRIVATE_FOLDER_MODE });
  } catch (error) {
    return [{ name: '.', code: codeOf(error) }];
  }
  await tighten(folder, PRIVATE_FOLDER_MODE);
  const visit = async (dir: string, deeper: boolean) => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      problems.push({ name: path.relative(folder, dir) || '.', code: codeOf(error) });
      return;
    }
    for (const entry of entries) {
      const target = path.join(dir, entry.name);
      if (entry.isFile()) await tighten(target, PRIVATE_FILE_MODE);
      else if (entry.isDirectory()) {
        await tighten(target, PRIVATE_FOLDER_MODE);
        if (deeper && APP_FOLDERS.has(entry.name)) await visit(target, false);
      }
    }
  };
  await visit(folder, true);
  return problems;
}
