import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type {
  Clock,
  Dialogs,
  ExternalOpener,
  KeyValueStore,
  LogControl,
  Logger,
  Notifier,
  Paths,
  RuntimeInfo,
  SecretStore,
  Updater,
} from './ports';
import { accountsHandlers } from './ipc/handlers/accounts';
import { AccountsService, type VendorFactory } from './services/accounts/accounts-service';
import { migrateSettings } from './services/settings/migrations';
import { listsHandlers } from './ipc/handlers/lists';
import { submissionHandlers } from './ipc/handlers/submissions';
import { tasksHandlers } from './ipc/handlers/tasks';
import { Diagnostics } from './services/app/diagnostics';
import { LogNotices } from './services/app/log-notices';
import { ReportedActivity } from './services/app/reported-activity';
import { UpdateService } from './services/app/update-service';
import { noUpdater } from './services/app/no-updater';
import { updatesHandlers } from './ipc/handlers/updates';
import { ResendComposer } from './services/monitor/resend-composer';
import { TaskActions } from './services/monitor/task-actions';
import { JournalSubmittedNumbers } from './services/submissions/submitted-numbers';
import { SubmittedTasksRepository } from './services/storage/submitted-tasks-repository';
import { TaskMonitor } from './services/monitor/task-monitor';
import { timerScheduler, type Scheduler } from './services/monitor/scheduler';
import { AuditTrail } from './services/audit/audit-trail';
import { DraftsService } from './services/drafts/drafts-service';
import { defaultSettingsOf } from './services/drafts/draft-validation';
import { PickerCache } from './services/drafts/picker-cache';
import { SqliteListSource } from './services/drafts/sqlite-list-source';
import { openJournalDatabase } from './services/submissions/journal-database';
import { SubmissionJournal } from './services/submissions/journal';
import { DraftSubmitter } from './services/submissions/draft-submitter';
import { Outbox } from './services/submissions/outbox';
import { Preflight } from './services/preflight/preflight';
import { AccountBalances } from './services/monitor/account-balances';
import { ListsService } from './services/lists/lists-service';
import { CheckedStorage } from './services/storage/checked-storage';
import { readBackups } from './services/storage/backups';
import { ListsRepository } from './services/storage/lists-repository';
import { DemoSandbox } from './services/sandbox/demo-sandbox';
import { createUndiciSend, type HttpSend } from './services/vendors/http';
import { EnvProxyResolver, type ProxyResolver } from './services/vendors/proxy-resolver';
import { ProxyRouter } from './services/vendors/proxy-router';
import { ProxySettingsService } from './services/settings/proxy-settings';
import { proxyHandlers } from './ipc/handlers/proxy';
import { createVendorFactory } from './services/vendors/factory';
import { RequestRecorder } from './services/audit/request-recorder';
import { createDispatcher, type Dispatch, type Handlers } from './ipc/dispatch';
import { appHandlers } from './ipc/handlers/app';
import { settingsHandlers } from './ipc/handlers/settings';
import { storageHandlers } from './ipc/handlers/storage';
import { EventBus } from './services/events';
import { SettingsService } from './services/settings/settings-service';
import { complianceHandlers } from './ipc/handlers/compliance';
import { ComplianceSettingsStore } from './services/compliance/compliance-settings';
import { ComplianceReview } from './services/compliance/compliance-review';
import { ComplianceReports } from './services/compliance/compliance-report';
import { DncService } from './services/compliance/dnc-service';
import { DraftCheck } from './services/compliance/draft-check';
import { ListMarks } from './services/compliance/list-marks';
import { SqliteDncRepository } from './services/compliance/sqlite-dnc-repository';
import { vendorClockOfAccount } from './services/compliance/vendor-clock';
import { SqliteCallHistoryRepository } from './services/compliance/sqlite-call-history-repository';
import { DerivedLists } from './services/compliance/derived-lists';
import { SubmitCompliance } from './services/compliance/submit-compliance';
import { systemZone } from './services/preflight/zoned-time';

/** The adapters a host (Electron, or the browser test host) hands to the core. */
export interface CoreAdapters {
  readonly runtime: RuntimeInfo;
  readonly paths: Paths;
  readonly settingsStore: KeyValueStore;
  readonly opener: ExternalOpener;
  readonly logger: Logger;
  /** The log file's state: when it fails (a full disk, a read-only folder) a notice says so. */
  readonly logControl?: Pick<LogControl, 'onFallback'>;
  /** The OS keychain. */
  readonly secrets: SecretStore;
  readonly clock?: Clock;
  /** HTTP to vendors (default: undici). */
  readonly send?: HttpSend;
  /** Builds vendor clients for accounts (default: the real clients; tests may pass fakes). */
  readonly vendorFor?: VendorFactory;
  /** Native file dialogs. */
  readonly dialogs: Dialogs;
  /** The SQLite file (default: campaign-desk.db in the data folder; ':memory:' in unit tests). */
  readonly databaseFile?: string;
  /** The compiled list-import worker in a bundled app (default: the TypeScript source). */
  readonly listsWorkerUrl?: URL;
  /** Desktop notifications (task finished, failed, below a threshold). */
  readonly notifier: Notifier;
  /** Whether the machine is online (default: always). */
  readonly isOnline?: () => boolean;
  /**
   * Restarts the app (Electron: relaunch and quit; the browser host: a new core on the same data
   * folder). A database recovery the person chose is carried out at the next start.
   */
  readonly relaunch?: () => void;
  /** The system proxy (Electron's session in the app; default: HTTPS_PROXY/HTTP_PROXY/NO_PROXY). */
  readonly proxyResolver?: ProxyResolver;
  /** Auto-update (electron-updater in the app; default: none, as in the browser host). */
  readonly updater?: Updater;
  /** Timers of the daily update check (default: real timers; tests drive a manual one). */
  readonly scheduler?: Scheduler;
}

/** Services, handlers and the dispatcher: everything main does, without Electron. */
export interface Core {
  readonly dispatch: Dispatch;
  readonly handlers: Handlers;
  readonly events: EventBus;
  readonly settings: SettingsService;
  readonly accounts: AccountsService;
  readonly lists: ListsService;
  /** The database: its start-up check, daily backup and recovery. */
  readonly storage: CheckedStorage;
  /** The simulator behind the demo accounts (started on first use). */
  readonly demo: DemoSandbox;
  /** Auto-update: checked at start and daily, installed only when the person clicks Restart. */
  readonly updates: UpdateService;
  close(): Promise<void>;
}

/**
 * Builds the plain-Node core from adapters.
 *
 * `main/index.ts` calls it with Electron adapters; `test/host/` calls it with test adapters, so
 * the e2e tests exercise the same services and handlers the app runs.
 */
export function createCore(adapters: CoreAdapters): Core {
  migrateSettings(adapters.settingsStore, adapters.logger);
  const events = new EventBus(adapters.logger);
  const logNotices = new LogNotices();
  logNotices.onChange((notice) => events.emit('app.logNoticeChanged', { notice }));
  adapters.logControl?.onFallback((notice) => logNotices.raise(notice));
  const clock = adapters.clock ?? { now: () => Date.now() };
  const settings = new SettingsService(
    adapters.settingsStore,
    () => adapters.runtime.systemLocaleTag(),
    adapters.logger,
  );
  settings.onChange((preferences) => events.emit('settings.changed', preferences));
  const demo = new DemoSandbox(adapters.logger);
  // Vendor calls go through the proxy chosen in Settings (its password in the keychain).
  const proxySettings = new ProxySettingsService({
    store: adapters.settingsStore,
    secrets: adapters.secrets,
    logger: adapters.logger,
  });
  const proxyRouter = new ProxyRouter({
    settings: proxySettings,
    resolver: adapters.proxyResolver ?? new EnvProxyResolver(),
    logger: adapters.logger,
  });
  // Vendor calls made for a submission are recorded, without secrets, in the audit trail.
  const recorder = new RequestRecorder();
  const vendorFor =
    adapters.vendorFor ??
    createVendorFactory({
      send: adapters.send ?? createUndiciSend({ route: proxyRouter.route }),
      clock,
      logger: adapters.logger,
      demo,
      recorder,
    });
  const accounts = new AccountsService({
    store: adapters.settingsStore,
    secrets: adapters.secrets,
    clock,
    newId: randomUUID,
    vendorFor,
    locale: () => settings.locale(),
    logger: adapters.logger,
  });
  accounts.onChange(() => events.emit('accounts.changed', accounts.state()));

  const databaseFile =
    adapters.databaseFile ?? path.join(adapters.paths.dataFolder, 'campaign-desk.db');
  // Checked at start (quick_check, bounded in time) and backed up daily; a damaged file gives
  // recovery mode: an empty in-memory database and a screen offering the last good backup.
  const storage = CheckedStorage.open({
    file: databaseFile,
    backupsFolder: path.join(adapters.paths.dataFolder, 'backups'),
    clock,
    logger: adapters.logger,
  });
  storage.onChange((state) => events.emit('storage.changed', state));
  const database = storage.database;
  // The outbox journal gets its own connection with synchronous=FULL: an entry must be on disk
  // before its request leaves (an in-memory database, in tests or recovery mode, has only one).
  const journalDatabase =
    database.location() === null ? database : openJournalDatabase(databaseFile);
  const listsRepository = new ListsRepository(database);
  // Calling compliance (issue 17): DNC lists and the call history behind their ports.
  const complianceSettings = new ComplianceSettingsStore(adapters.settingsStore);
  const dncRepository = new SqliteDncRepository(database);
  const listMarks = new ListMarks(database, clock);
  const draftCheck = new DraftCheck(database);
  const complianceReview = new ComplianceReview({
    check: draftCheck,
    settings: () => complianceSettings.get(),
    vendorClockOf: (accountId) =>
      vendorClockOfAccount(accounts.list().find((account) => account.id === accountId)),
  });
  const lists = new ListsService({
    onImported: (summary) => listMarks.mark(summary.id),
    repository: listsRepository,
    store: adapters.settingsStore,
    clock,
    newId: randomUUID,
    locale: () => settings.locale(),
    logger: adapters.logger,
    ...(adapters.listsWorkerUrl ? { workerUrl: adapters.listsWorkerUrl } : {}),
  });

  const listSource = new SqliteListSource(database);
  const journal = new SubmissionJournal(journalDatabase);
  const audit = new AuditTrail(
    journalDatabase,
    clock,
    adapters.runtime.appVersion,
    adapters.settingsStore,
  );
  // Who started a draft: a resend's calls count as resends in the history. Set once drafts exist.
  let originOf: (draftId: string | null) => 'manager' | 'resend' = () => 'manager';
  const submitCompliance = new SubmitCompliance({
    check: draftCheck,
    review: complianceReview,
    derived: new DerivedLists(database, listSource, randomUUID, clock),
    history: new SqliteCallHistoryRepository(database),
    lists: listSource,
    clock,
    originOf: (draftId) => originOf(draftId),
  });
  const outbox = new Outbox({
    journal,
    audit,
    compliance: submitCompliance,
    lists: listSource,
    vendorFor: (accountId) => accounts.vendor(accountId),
    clock,
    logger: adapters.logger,
    recorder,
  });
  outbox.onChange((view) => events.emit('submissions.changed', view));
  const drafts = new DraftsService({
    db: database,
    clock,
    lists: listSource,
    isNameTaken: (accountId, kind, name, draftId) =>
      journal.findByName(accountId, kind, name, draftId) !== null,
    vendorOf: (accountId) =>
      accounts.list().find((account) => account.id === accountId)?.vendor ?? null,
    complianceDefaults: () => complianceSettings.draftDefaults(),
    submissionsOf: (draftIds) => journal.ofDrafts(draftIds),
    defaultSettingsOf: (accountId, kind) => {
      const account = accounts.list().find((candidate) => candidate.id === accountId);
      return account ? defaultSettingsOf(account, kind) : {};
    },
  });
  originOf = (draftId) => {
    if (draftId === null) return 'manager';
    try {
      return drafts.get(draftId).origin;
    } catch {
      return 'manager'; // The draft was deleted since; its calls count as a manager's.
    }
  };
  outbox.recover();
  void outbox.drain();

  const activity = new ReportedActivity(adapters.isOnline);
  const monitor = new TaskMonitor({
    db: database,
    clock,
    scheduler: timerScheduler,
    logger: adapters.logger,
    notifier: adapters.notifier,
    activity,
    accounts,
    locale: () => settings.locale(),
  });
  monitor.onChange((delta) => events.emit('tasks.updated', delta));
  const onlineProbe = adapters.isOnline ? setInterval(() => activity.checkOnline(), 10_000) : null;
  onlineProbe?.unref();
  // The outbox keeps the retry times; this wakes it to send what is due, and at once (ignoring
  // the backoff) when the network comes back.
  const outboxTimer = setInterval(() => void outbox.drain(), 5_000);
  outboxTimer.unref();
  let wasOnline = activity.isOnline();
  activity.onChange(() => {
    const online = activity.isOnline();
    if (online && !wasOnline) void outbox.drain({ force: true });
    wasOnline = online;
  });

  // What the app submitted per vendor task (journal + lists): resends repeat it.
  const submitted = new JournalSubmittedNumbers({
    tasks: new SubmittedTasksRepository(journalDatabase),
    lists: listSource,
  });

  // "Copy diagnostics" in About: read from the services at the moment it is asked for.
  const diagnostics = new Diagnostics({
    runtime: adapters.runtime,
    paths: adapters.paths,
    clock,
    settings,
    accounts,
    proxy: proxySettings,
    storage,
    backups: () => readBackups(path.join(adapters.paths.dataFolder, 'backups')),
    logNotices,
    keychain: adapters.secrets,
  });

  // Checked at start and every 24 hours; a verified download waits for the person's click.
  const updates = new UpdateService({
    updater: adapters.updater ?? noUpdater,
    scheduler: adapters.scheduler ?? timerScheduler,
    clock,
    logger: adapters.logger,
  });
  updates.onChange((state) => events.emit('updates.changed', state));
  updates.start();

  const handlers: Handlers = {
    ...accountsHandlers(accounts),
    ...appHandlers({ ...adapters, logNotices, diagnostics }),
    ...listsHandlers({ lists, dialogs: adapters.dialogs, events, locale: () => settings.locale() }),
    ...tasksHandlers({
      monitor,
      activity,
      store: adapters.settingsStore,
      dialogs: adapters.dialogs,
      locale: () => settings.locale(),
      accountName: (id) => accounts.list().find((account) => account.id === id)?.name ?? id,
      resend: new ResendComposer({
        source: monitor,
        lists: listsRepository,
        drafts,
        submitted,
        clock,
        locale: () => settings.locale(),
        dncOf: (accountId) => draftCheck.dncProbe(accountId, clock.now()),
      }),
      actions: new TaskActions({
        board: monitor,
        vendorOf: (accountId) => accounts.vendor(accountId),
        submitted,
        logger: adapters.logger,
        dncOf: (accountId) => draftCheck.dncProbe(accountId, clock.now()),
      }),
      balances: new AccountBalances({
        accounts: () => accounts.list(),
        vendorFor: (accountId) => accounts.vendor(accountId),
        isOnline: () => activity.isOnline(),
        clock,
        logger: adapters.logger,
      }),
    }),
    ...submissionHandlers({
      drafts,
      outbox,
      submitter: new DraftSubmitter(drafts, outbox, {
        check: submitCompliance,
        audit,
        now: () => clock.now(),
      }),
      audit,
      preflight: new Preflight({
        lists: listSource,
        clock,
        store: adapters.settingsStore,
        vendorFor: (accountId) => accounts.vendor(accountId),
        logger: adapters.logger,
        isNameTaken: (accountId, kind, name, draftId) =>
          journal.findByName(accountId, kind, name, draftId) !== null,
        compliance: complianceReview,
      }),
      isOnline: () => activity.isOnline(),
      pickers: new PickerCache(database, clock, (accountId) => accounts.vendor(accountId)),
      dialogs: adapters.dialogs,
      locale: () => settings.locale(),
    }),
    ...settingsHandlers(settings),
    ...storageHandlers({ storage, relaunch: adapters.relaunch }),
    ...proxyHandlers(proxySettings),
    ...updatesHandlers(updates),
    ...complianceHandlers({
      settings: complianceSettings,
      dnc: new DncService({
        repository: dncRepository,
        clock,
        newId: randomUUID,
        zone: systemZone,
      }),
      marks: listMarks,
      reports: new ComplianceReports({
        drafts,
        lists: listSource,
        check: draftCheck,
        review: complianceReview,
        clock,
        accountName: (id) => accounts.list().find((account) => account.id === id)?.name ?? id,
        auditOf: (draftId) =>
          outbox
            .list()
            .filter((view) => view.draftId === draftId)
            .flatMap((view) =>
              audit
                .entries({ submissionId: view.id })
                .filter((entry) => entry.type.startsWith('compliance.')),
            ),
      }),
      dialogs: adapters.dialogs,
      locale: () => settings.locale(),
    }),
  };
  const dispatch = createDispatcher(handlers, () => settings.locale(), adapters.logger);
  return {
    dispatch,
    handlers,
    events,
    settings,
    accounts,
    lists,
    storage,
    demo,
    updates,
    close: async () => {
      updates.stop();
      if (onlineProbe) clearInterval(onlineProbe);
      clearInterval(outboxTimer);
      await monitor.stop();
      outbox.stop();
      await storage.close();
      // Sign out of the vendors (Yccall logout), but never hold up quitting for long.
      await Promise.race([
        accounts.close(),
        new Promise<void>((resolve) => setTimeout(resolve, 2_000).unref()),
      ]);
      await demo.close();
      await proxyRouter.close();
      // The settings backup of the last write reaches the disk before the app quits.
      await adapters.settingsStore.flush?.();
      if (journalDatabase !== database) journalDatabase.close();
      database.close();
    },
  };
}
