import { randomBytes } from 'node:crypto';
import { access, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { SettingsDamage } from '../../../shared/domain/settings-recovery';

/**
 * The shape every settings file has, whatever version wrote it: one JSON object whose account
 * list, if any, is a list. It is deliberately loose. Each part is checked by the service that
 * owns it (an invalid account entry is shown as damaged, invalid preferences fall back to the
 * defaults), so a file is only set aside when no part of it can be trusted; a stricter check
 * here would set aside good files written by a newer version, and their backups with them.
 */
const SettingsFileSchema = z.looseObject({
  schemaVersion: z.int().min(0).optional(),
  accounts: z.array(z.unknown()).optional(),
  activeAccountId: z.string().optional(),
});

/** What a settings file on disk holds. */
export type SettingsFileState =
  | { readonly state: 'good'; readonly text: string }
  | { readonly state: 'missing' }
  | { readonly state: 'damaged'; readonly problem: Exclude<SettingsDamage, 'missing'> };

/** Classifies the text of a settings file. */
export function inspectSettingsText(text: string): SettingsFileState {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { state: 'damaged', problem: 'not-json' };
  }
  return SettingsFileSchema.safeParse(parsed).success
    ? { state: 'good', text }
    : { state: 'damaged', problem: 'not-settings' };
}

/** Reads and classifies a settings file; errors other than "no such file" are thrown. */
export async function inspectSettingsFile(file: string): Promise<SettingsFileState> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (isNoSuchFile(error)) return { state: 'missing' };
    throw error;
  }
  return inspectSettingsText(text);
}

/** The files beside `settings.json`: its backup, and the names damaged copies are kept under. */
export interface SettingsFiles {
  readonly file: string;
  readonly backup: string;
  /** A free name for a damaged copy found at `at`, e.g. `settings.damaged-2026-11-23T09-00-00-000Z.json`. */
  damagedName(at: Date, attempt: number): string;
}

/** The settings file `<folder>/<name>.json` (what conf and electron-store write) and its companions. */
export function settingsFiles(folder: string, name = 'settings'): SettingsFiles {
  return {
    file: path.join(folder, `${name}.json`),
    backup: path.join(folder, `${name}.backup.json`),
    damagedName(at, attempt) {
      // Colons are not allowed in Windows file names.
      const stamp = at.toISOString().replaceAll(':', '-').replaceAll('.', '-');
      const suffix = attempt === 0 ? '' : `-${attempt}`;
      return path.join(folder, `${name}.damaged-${stamp}${suffix}.json`);
    },
  };
}

/**
 * Writes a file so that a reader sees the old or the new content, never part of it: a temporary
 * file beside it, flushed to disk, then renamed over it. Owner-only permissions (the settings
 * hold account profiles; never secrets, which live in the keychain).
 */
export async function writeFileAtomically(file: string, text: string): Promise<void> {
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temporary, text, { mode: 0o600, flush: true });
  await rename(temporary, file);
}

/** Moves a file to the first free name `nameFor(0)`, `nameFor(1)`, …; returns the name used. */
export async function moveAside(
  file: string,
  nameFor: (attempt: number) => string,
): Promise<string> {
  for (let attempt = 0; attempt < 1_000; attempt += 1) {
    const target = nameFor(attempt);
    // `rename` would replace an existing file; a damaged copy kept earlier must stay.
    if (await exists(target)) continue;
    await rename(file, target);
    return target;
  }
  throw new Error('No free name to keep the damaged settings file under.');
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch (error) {
    if (isNoSuchFile(error)) return false;
    throw error;
  }
}

function isNoSuchFile(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}
