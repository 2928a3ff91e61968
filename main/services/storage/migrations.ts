import type { DatabaseSync } from 'node:sqlite';
import { AppError } from '../errors';

/**
 * One ordered schema step. `version` is the `PRAGMA user_version` the database has after it.
 *
 * To add one: write `migrations/NNN-what.ts` exporting a `Migration` with the next version, and
 * append it to `MIGRATIONS` in `migrations/index.ts`. Never edit a step that has shipped.
 */
export interface Migration {
  readonly version: number;
  readonly describe: string;
  up(db: DatabaseSync): void;
}

/** Reads `PRAGMA user_version`. */
export function schemaVersion(db: DatabaseSync): number {
  const row = db.prepare('PRAGMA user_version').get();
  const value = row?.['user_version'];
  return typeof value === 'number' ? value : 0;
}

/**
 * Brings the database to the last step's version: each pending step and its version stamp run in
 * one transaction, so a failed step leaves the database at the previous version.
 *
 * Returns the version reached. Refuses a database written by a newer app (it would not understand
 * it, and writing could damage data the newer version needs).
 */
export function runMigrations(db: DatabaseSync, migrations: readonly Migration[]): number {
  const steps = [...migrations].sort((a, b) => a.version - b.version);
  steps.forEach((step, index) => {
    if (step.version !== index + 1) {
      throw new Error(
        `Migrations must be numbered 1, 2, 3, ... without gaps (found ${step.version}).`,
      );
    }
  });
  const latest = steps.at(-1)?.version ?? 0;
  const current = schemaVersion(db);
  if (current > latest) {
    throw new AppError(
      'CONFLICT',
      {
        en: 'The data file was written by a newer version of Campaign Desk. Install the newer version to open it; nothing was changed.',
        'zh-CN':
          '数据文件由更新版本的 Campaign Desk 写入。请安装更新的版本后再打开；未做任何修改。',
      },
      { current, latest },
    );
  }
  for (const step of steps) {
    if (step.version <= current) continue;
    db.exec('BEGIN IMMEDIATE');
    try {
      step.up(db);
      // PRAGMA takes no bound parameters; the version is an integer we control.
      db.exec(`PRAGMA user_version = ${String(Math.trunc(step.version))}`);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }
  return Math.max(current, latest);
}
