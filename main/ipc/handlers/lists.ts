import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Locale } from '../../../shared/domain/locale';
import type { Dialogs, FileFilter } from '../../ports';
import { AppError } from '../../services/errors';
import type { EventBus } from '../../services/events';
import type { ListsService } from '../../services/lists/lists-service';
import type { Handlers } from '../dispatch';

type ListChannels =
  | 'lists.pickFile'
  | 'lists.inspect'
  | 'lists.preview'
  | 'lists.import'
  | 'lists.cancelImport'
  | 'lists.list'
  | 'lists.rows'
  | 'lists.remove'
  | 'lists.export'
  | 'lists.saveRecipe';

const LIST_FILES: readonly FileFilter[] = [
  { name: 'Excel / CSV', extensions: ['xlsx', 'xlsm', 'csv', 'txt', 'xls'] },
];
const XLSX: readonly FileFilter[] = [{ name: 'Excel', extensions: ['xlsx'] }];
const MAX_GRANTS = 100;

function unknownFile(): AppError {
  return new AppError('NOT_FOUND', {
    en: 'That file is no longer selected. Choose the file again.',
    'zh-CN': '该文件已不再处于选中状态，请重新选择文件。',
  });
}

/** A safe file name for an export suggestion (no path separators, reserved or control characters). */
function exportName(listName: string, suffix: string): string {
  const safe = [...listName.replace(/\.[A-Za-z0-9]{1,5}$/, '')]
    .map((char) => (char.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(char) ? '_' : char))
    .join('')
    .slice(0, 80);
  return `${safe || 'list'}-${suffix}.xlsx`;
}

/**
 * Handlers of the `lists.*` channels.
 *
 * The renderer never passes a path to read: it picks a file through the dialog and gets an
 * opaque id for it, so a compromised renderer cannot make main read arbitrary files.
 */
export function listsHandlers(deps: {
  lists: ListsService;
  dialogs: Dialogs;
  events: EventBus;
  locale: () => Locale;
}): Pick<Handlers, ListChannels> {
  const grants = new Map<string, string>();
  const jobs = new Map<string, AbortController>();
  const fileOf = (fileId: string): string => {
    const file = grants.get(fileId);
    if (file === undefined) throw unknownFile();
    return file;
  };

  return {
    'lists.pickFile': async ({ suggestedPath }) => {
      const zh = deps.locale() === 'zh-CN';
      const file = await deps.dialogs.openFile({
        title: zh ? '选择号码列表（Excel 或 CSV）' : 'Choose a phone list (Excel or CSV)',
        filters: LIST_FILES,
        ...(suggestedPath ? { defaultPath: suggestedPath } : {}),
      });
      if (file === null) return { fileId: null, fileName: null };
      const fileId = randomUUID();
      grants.set(fileId, file);
      if (grants.size > MAX_GRANTS) grants.delete(grants.keys().next().value ?? '');
      return { fileId, fileName: path.basename(file) };
    },
    'lists.inspect': ({ fileId, encoding }, { signal }) =>
      deps.lists.inspect(fileOf(fileId), encoding ? { encoding } : {}, { signal }),
    'lists.preview': ({ fileId, ...options }, { signal }) =>
      deps.lists.preview(fileOf(fileId), options, { signal }),
    'lists.import': async ({ fileId, jobId, options }, { signal }) => {
      if (jobs.has(jobId)) {
        throw new AppError('CONFLICT', {
          en: 'This import is already running.',
          'zh-CN': '该导入已在进行中。',
        });
      }
      const controller = new AbortController();
      const onCallerGone = () => controller.abort();
      signal.addEventListener('abort', onCallerGone, { once: true });
      jobs.set(jobId, controller);
      try {
        return await deps.lists.import(fileOf(fileId), options, {
          signal: controller.signal,
          onProgress: (progress) => deps.events.emit('lists.importProgress', { jobId, progress }),
        });
      } finally {
        jobs.delete(jobId);
        signal.removeEventListener('abort', onCallerGone);
      }
    },
    'lists.cancelImport': ({ jobId }) => {
      const job = jobs.get(jobId);
      job?.abort();
      return { cancelled: job !== undefined };
    },
    'lists.list': () => ({ lists: deps.lists.list() }),
    'lists.rows': ({ id, query }) => deps.lists.rows(id, query),
    'lists.remove': ({ id }) => {
      deps.lists.remove(id);
      return {};
    },
    'lists.export': async ({ id, kind }) => {
      const list = deps.lists.get(id);
      const zh = deps.locale() === 'zh-CN';
      const file = await deps.dialogs.saveFile({
        title:
          kind === 'clean'
            ? zh
              ? '导出清理后的列表'
              : 'Export the cleaned list'
            : zh
              ? '导出问题报告'
              : 'Export the problem report',
        defaultName: exportName(list.name, kind === 'clean' ? 'clean' : 'problems'),
        filters: XLSX,
      });
      if (file === null) return { path: null, rows: 0 };
      const { rows } =
        kind === 'clean'
          ? await deps.lists.exportClean(id, file)
          : await deps.lists.exportReport(id, file);
      return { path: file, rows };
    },
    'lists.saveRecipe': (recipe) => deps.lists.saveRecipe(recipe),
  };
}
