/**
 * The names of every IPC channel and event, without their schemas.
 *
 * The preload bundle imports only this file (no zod), so its allow-list stays small; the
 * contract in `contract.ts` is type-checked to have exactly these keys, and a contract test
 * checks the same at run time.
 */
export const CHANNEL_NAMES = [
  'accounts.list',
  'accounts.create',
  'accounts.update',
  'accounts.remove',
  'accounts.testConnection',
  'accounts.setActive',
  'accounts.addDemo',
  'accounts.repair',
  'accounts.removeDamaged',
  'app.info',
  'app.openExternal',
  'app.setVisible',
  'app.logNotice',
  'app.dismissLogNotice',
  'app.diagnostics',
  'audit.verify',
  'audit.export',
  'audit.entries',
  'storage.status',
  'storage.restore',
  'storage.startEmpty',
  'drafts.list',
  'drafts.create',
  'drafts.get',
  'drafts.summary',
  'drafts.save',
  'drafts.validate',
  'drafts.duplicate',
  'drafts.delete',
  'drafts.restore',
  'drafts.pickers',
  'drafts.refreshPickers',
  'preflight.review',
  'preflight.estimateSettings',
  'preflight.setEstimateSettings',
  'lists.pickFile',
  'lists.inspect',
  'lists.preview',
  'lists.import',
  'lists.cancelImport',
  'lists.list',
  'lists.rows',
  'lists.remove',
  'lists.export',
  'lists.saveRecipe',
  'settings.get',
  'settings.update',
  'settings.proxy',
  'settings.setProxy',
  'settings.recoveryNotice',
  'settings.dismissRecoveryNotice',
  'submissions.submit',
  'submissions.list',
  'submissions.retry',
  'submissions.cancel',
  'submissions.exportRefused',
  'tasks.snapshot',
  'tasks.refresh',
  'tasks.history',
  'tasks.thresholds',
  'tasks.setThreshold',
  'tasks.firedAlerts',
  'tasks.clearAlerts',
  'tasks.preferences',
  'tasks.setPreferences',
  'tasks.detail',
  'tasks.numberResults',
  'tasks.callRecords',
  'tasks.action',
  'tasks.export',
  'tasks.exportNumbers',
  'tasks.composeResend',
  'tasks.resendDefaults',
  'tasks.search',
  'tasks.calledAt',
  'tasks.balances',
  'updates.state',
  'updates.install',
  'compliance.settings',
  'compliance.setSettings',
  'compliance.dncLists',
  'compliance.createDncList',
  'compliance.updateDncList',
  'compliance.deleteDncList',
  'compliance.dncEntries',
  'compliance.addDncNumbers',
  'compliance.removeDncNumbers',
  'compliance.addImportedList',
  'compliance.listMarks',
  'compliance.exclusions',
  'compliance.exportReport',
] as const;

/** Push events from main to the renderer. */
export const EVENT_NAMES = [
  'accounts.changed',
  'app.logNoticeChanged',
  'lists.importProgress',
  'settings.changed',
  'storage.changed',
  'submissions.changed',
  'tasks.updated',
  'updates.changed',
] as const;

export type ChannelName = (typeof CHANNEL_NAMES)[number];
export type EventName = (typeof EVENT_NAMES)[number];

/** The one IPC channel every request goes through; the contract channel travels in the payload. */
export const INVOKE_CHANNEL = 'campaign-desk:invoke';
/** The one IPC channel every event goes through. */
export const EVENT_CHANNEL = 'campaign-desk:event';

/** True when `name` is a contract channel. */
export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && (CHANNEL_NAMES as readonly string[]).includes(name);
}

/** True when `name` is a contract event. */
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && (EVENT_NAMES as readonly string[]).includes(name);
}
