import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Dialogs } from '../../main/ports';

/**
 * The browser host's "dialogs": a test queues the answers (the file a person would pick, where
 * they would save). Without a queued answer, opening uses the path typed into the host-only path
 * field, and saving goes to `<data folder>/exports/`.
 */
export class ScriptedDialogs implements Dialogs {
  private readonly opens: (string | null)[] = [];
  private readonly saves: (string | null)[] = [];
  /** Every save location handed out, newest last. */
  readonly saved: string[] = [];

  constructor(private readonly exportFolder: string) {}

  /** The next open dialog answers `file` (null: the person cancels). */
  queueOpen(file: string | null): void {
    this.opens.push(file);
  }

  /** The next save dialog answers `file` (null: the person cancels). */
  queueSave(file: string | null): void {
    this.saves.push(file);
  }

  async openFile(options: { readonly defaultPath?: string }): Promise<string | null> {
    if (this.opens.length > 0) return this.opens.shift() ?? null;
    return options.defaultPath ?? null;
  }

  async saveFile(options: { readonly defaultName: string }): Promise<string | null> {
    const file =
      this.saves.length > 0
        ? (this.saves.shift() ?? null)
        : path.join(this.exportFolder, options.defaultName);
    if (file !== null) {
      await mkdir(path.dirname(file), { recursive: true });
      this.saved.push(file);
    }
    return file;
  }
}
