import type { Locale } from '../../../shared/domain/locale';
import type { Dialogs, KeyValueStore } from '../../ports';
import type { ReportedActivity } from '../../services/app/reported-activity';
import type { AccountBalances } from '../../services/monitor/account-balances';
import { exportBoard } from '../../services/monitor/board-export';
import { exportNumberResults } from '../../services/monitor/number-export';
import { BoardPreferencesStore } from '../../services/monitor/board-preferences';
import type { ResendComposer } from '../../services/monitor/resend-composer';
import type { TaskActions } from '../../services/monitor/task-actions';
import type { TaskMonitor } from '../../services/monitor/task-monitor';
import type { Handlers } from '../dispatch';

type Channels =
  | 'app.setVisible'
  | 'tasks.snapshot'
  | 'tasks.refresh'
  | 'tasks.history'
  | 'tasks.thresholds'
  | 'tasks.setThreshold'
  | 'tasks.firedAlerts'
  | 'tasks.clearAlerts'
  | 'tasks.preferences'
  | 'tasks.setPreferences'
  | 'tasks.detail'
  | 'tasks.numberResults'
  | 'tasks.callRecords'
  | 'tasks.action'
  | 'tasks.export'
  | 'tasks.exportNumbers'
  | 'tasks.composeResend'
  | 'tasks.resendDefaults'
  | 'tasks.search'
  | 'tasks.calledAt'
  | 'tasks.balances';

/** A file name for the export suggestion: the date, nothing from user input. */
function exportName(now: Date): string {
  const day = now.toISOString().slice(0, 10);
  return `tasks-${day}.xlsx`;
}

/** A file name for a number export: the vendor's task id (digits and letters only) and the date. */
function numbersExportName(taskId: string, now: Date): string {
  const id = taskId.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 40) || 'task';
  return `task-${id}-numbers-${now.toISOString().slice(0, 10)}.xlsx`;
}

/** Handlers of the `tasks.*` channels and the window's visibility report. */
export function tasksHandlers(deps: {
  monitor: TaskMonitor;
  activity: ReportedActivity;
  /** Where the board's layout preferences are kept. */
  store: KeyValueStore;
  dialogs: Dialogs;
  locale: () => Locale;
  /** An account's display name (for exports), falling back to its id. */
  accountName: (id: string) => string;
  /** Builds resend drafts from finished tasks' numbers. */
  resend: Pick<ResendComposer, 'compose'>;
  /** Runs task actions with the settings the app submitted the task with. */
  actions: Pick<TaskActions, 'act' | 'resendDefaults'>;
  /** Every account's balance, for the board's at-a-glance strip. */
  balances: Pick<AccountBalances, 'all'>;
}): Pick<Handlers, Channels> {
  const { monitor, activity } = deps;
  const preferences = new BoardPreferencesStore(deps.store);
  return {
    'app.setVisible': ({ visible }) => {
      activity.setVisible(visible);
      // Polling begins once a window is on screen; hidden windows pause it (the monitor listens).
      if (visible) monitor.start();
      return {};
    },
    'tasks.snapshot': () => monitor.snapshot(),
    'tasks.refresh': async ({ accountId }) => {
      await monitor.refreshNow(accountId);
      return {};
    },
    'tasks.history': ({ key }) => monitor.history(key),
    'tasks.thresholds': () => monitor.thresholds(),
    'tasks.firedAlerts': () => monitor.firedAlerts(),
    'tasks.clearAlerts': () => monitor.clearFiredAlerts(),
    'tasks.setThreshold': ({ scope, threshold }) => {
      monitor.setThreshold(scope, threshold);
      return monitor.thresholds();
    },
    'tasks.preferences': () => preferences.get(),
    'tasks.setPreferences': ({ preferences: next }) => preferences.set(next),
    'tasks.detail': async ({ key }, { signal }) => {
      const [detail, capabilities] = await Promise.all([
        monitor.detail(key, signal),
        monitor.capabilities(key),
      ]);
      return {
        key,
        capabilities: { ...capabilities },
        groups: detail.groups.map((group) => ({
          group: group.group,
          fields: group.fields.map((field) => ({ key: field.key, value: field.value })),
        })),
      };
    },
    'tasks.numberResults': async ({ key, ...query }, { signal }) => {
      const page = await monitor.numberResults(key, query, signal);
      return {
        items: [...page.items],
        page: page.page,
        pageSize: page.pageSize,
        total: page.total,
      };
    },
    'tasks.callRecords': async ({ key, ...query }, { signal }) => {
      const page = await monitor.callRecords(key, query, signal);
      return {
        items: [...page.items],
        page: page.page,
        pageSize: page.pageSize,
        total: page.total,
      };
    },
    'tasks.action': (action, { signal }) => deps.actions.act(action, signal),
    'tasks.export': async ({ ids, columns }) => {
      const zh = deps.locale() === 'zh-CN';
      const file = await deps.dialogs.saveFile({
        title: zh ? '导出任务面板' : 'Export the task board',
        defaultName: exportName(new Date()),
        filters: [{ name: 'Excel', extensions: ['xlsx'] }],
      });
      if (file === null) return { path: null, rows: 0 };
      const rows = await exportBoard(
        file,
        monitor.rowsByIds(ids),
        columns,
        deps.locale(),
        deps.accountName,
      );
      return { path: file, rows };
    },
    'tasks.exportNumbers': async ({ key, columns, ...filter }, { signal }) => {
      // Resolve the row first, so a task that left the board fails before a dialog opens.
      const row = monitor.row(key);
      const zh = deps.locale() === 'zh-CN';
      const file = await deps.dialogs.saveFile({
        title: zh ? '导出号码结果' : 'Export number results',
        defaultName: numbersExportName(row.t, new Date()),
        filters: [{ name: 'Excel', extensions: ['xlsx'] }],
      });
      if (file === null) return { path: null, rows: 0 };
      const rows = await exportNumberResults(
        file,
        (page) => monitor.numberResults(key, { page, pageSize: 100, ...filter }, signal),
        columns,
        deps.locale(),
        signal,
      );
      return { path: file, rows };
    },
    'tasks.search': async ({ text }, { signal }) => monitor.search(text, signal),
    'tasks.calledAt': ({ at }) => ({ rows: monitor.calledAt(at) }),
    'tasks.balances': async ({ refresh }, { signal }) => ({
      balances: await deps.balances.all(refresh === true, signal),
    }),
    'tasks.composeResend': async (request, { signal }) => {
      const result = await deps.resend.compose(request, signal);
      return {
        draftId: result.draftId,
        listId: result.listId,
        counts: { ...result.counts },
        truncated: result.truncated,
        unresolved: { ...result.unresolved, examples: [...result.unresolved.examples] },
        settingsCopied: result.settingsCopied,
        dncExcluded: result.dncExcluded,
      };
    },
    'tasks.resendDefaults': ({ keys }) => {
      const defaults = deps.actions.resendDefaults(keys);
      return { ...defaults, options: { ...defaults.options } };
    },
  };
}
