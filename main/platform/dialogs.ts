import { BrowserWindow, dialog } from 'electron';
import path from 'node:path';
import type { Dialogs } from '../ports';

/** Native open/save dialogs, attached to the focused window. */
export function electronDialogs(documentsFolder: string): Dialogs {
  const parent = () => BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  return {
    async openFile(options) {
      const window = parent();
      const settings = {
        title: options.title,
        defaultPath: options.defaultPath ?? documentsFolder,
        filters: options.filters.map((filter) => ({
          name: filter.name,
          extensions: [...filter.extensions],
        })),
        properties: ['openFile' as const],
      };
      const result = window
        ? await dialog.showOpenDialog(window, settings)
        : await dialog.showOpenDialog(settings);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async saveFile(options) {
      const window = parent();
      const settings = {
        title: options.title,
        defaultPath: path.join(documentsFolder, options.defaultName),
        filters: options.filters.map((filter) => ({
          name: filter.name,
          extensions: [...filter.extensions],
        })),
      };
      const result = window
        ? await dialog.showSaveDialog(window, settings)
        : await dialog.showSaveDialog(settings);
      return result.canceled ? null : (result.filePath ?? null);
    },
  };
}
