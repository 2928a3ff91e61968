import os from 'node:os';
import path from 'node:path';
import type { AccountView } from '../../../shared/domain/account';
import type { ProxySettings } from '../../../shared/domain/proxy';
import type { Backup, StorageState } from '../../../shared/domain/storage';
import type { Clock, Paths, RuntimeInfo, SecretStore } from '../../ports';
import { DEMO_CREDENTIALS, type AccountsState } from '../accounts/accounts-service';
import { scrubText } from '../logging/scrub';
import { formsOfSecrets, maskForms } from '../logging/secret-forms';
import type { SettingsService } from '../settings/settings-service';
import { PROXY_PASSWORD_ENTRY } from '../settings/proxy-settings';
import type { LogNotices } from './log-notices';
import { readLogTail } from './log-tail';
import { resolveRoutes } from '../vendors/itniotech/brands';

/** How many of the log's last lines the report carries. */
export const DIAGNOSTICS_LOG_LINES = 50;

/** The operating system as Node reports it (injectable for tests). */
export interface OsFacts {
  /** e.g. "Linux", "Darwin", "Windows_NT". */
  readonly type: string;
  /** The kernel release, e.g. "6.1.0-18-amd64", "24.1.0", "10.0.22631". */
  readonly release: string;
  /** The person's home folder, shown as ~ so the report does not carry the user name. */
  readonly homedir: string;
}

/** What the report is built from: the services that hold each part, read at the moment it is asked for. */
export interface DiagnosticsSources {
  readonly runtime: RuntimeInfo;
  readonly paths: Paths;
  readonly clock: Clock;
  readonly settings: Pick<SettingsService, 'get' | 'locale'>;
  readonly accounts: { state(): AccountsState };
  readonly proxy: { get(): ProxySettings };
  readonly storage: { state(): StorageState };
  readonly backups: () => Promise<readonly Backup[]>;
  readonly logNotices: Pick<LogNotices, 'current'>;
  /**
   * The keychain: every secret the app keeps is read from it, only so that the report can mask
   * it wherever it appears (a log line written before it was known, a vendor's echo).
   */
  readonly keychain: SecretStore;
  readonly os?: OsFacts;
}

function nodeOs(): OsFacts {
  return { type: os.type(), release: os.release(), homedir: os.homedir() };
}

function yesNo(value: boolean): string {
  return value ? 'yes' : 'no';
}

/** The folder with the home folder written as ~ (the user name stays out of the report). */
function withoutHome(folder: string, home: string): string {
  if (home === '' || home === path.parse(home).root) return folder;
  if (folder === home) return '~';
  return folder.startsWith(home + path.sep) ? `~${folder.slice(home.length)}` : folder;
}

/** An account's vendor and server, without its key, secret or any session. */
function describeAccount(account: AccountView, active: boolean): string[] {
  const vendor =
    account.vendor === 'yccall'
      ? 'Yccall call-center server'
      : account.connection.brand === 'onbuka'
        ? 'ONBUKA'
        : 'ITNIO TECH';
  const server = account.demo
    ? 'the built-in simulator'
    : account.vendor === 'yccall'
      ? account.connection.serverUrl
      : resolveRoutes(account.connection.brand, account.connection.baseUrl).baseUrl;
  const check = account.lastCheck
    ? `${account.lastCheck.ok ? 'passed' : 'failed'} at ${account.lastCheck.at}`
    : 'never run';
  return [
    `- ${JSON.stringify(account.name)}${active ? ' (selected)' : ''}`,
    `    vendor: ${vendor}${account.demo ? ' (demo account)' : ''}`,
    `    server: ${server}`,
    `    unencrypted http allowed: ${yesNo(account.connection.allowUnencrypted === true)}`,
    `    secret in the keychain: ${account.demo ? 'not needed (demo)' : yesNo(account.secretStored)}`,
    `    last connection test: ${check}`,
  ];
}

function describeProxy(proxy: ProxySettings): string[] {
  const lines = [`Mode: ${proxy.mode}`];
  if (proxy.manual) {
    lines.push(
      `Manual proxy: ${proxy.manual.host}:${proxy.manual.port}${proxy.mode === 'manual' ? '' : ' (kept, not in use)'}`,
      `Authentication: ${proxy.manual.username === undefined ? 'none' : proxy.passwordStored ? 'user name and password (password not shown)' : 'user name only'}`,
    );
  }
  return lines;
}

function describeStorage(
  state: StorageState,
  backups: readonly Backup[] | { readonly error: string },
): string[] {
  const lines: string[] = [];
  if (state.state === 'ok') {
    const check = {
      passed: 'passed',
      running: 'still running (large database)',
      skipped: 'skipped (in-memory database)',
      unavailable: 'could not run (the file was busy or locked; not damage)',
    }[state.check];
    lines.push('State: ok', `Check at start (PRAGMA quick_check): ${check}`);
  } else {
    const problem =
      state.problem.kind === 'unreadable'
        ? 'unreadable (the file header cannot be read)'
        : `damaged pages (${state.problem.problems} problem lines; areas: ${state.problem.areas.join(', ') || 'unknown'})`;
    lines.push(
      'State: damaged, running in recovery mode',
      `Check at start (PRAGMA quick_check): ${problem}`,
      `Found at: ${new Date(state.foundAt).toISOString()}`,
      `Damaged file kept as: ${state.keptAs}`,
      `Last restore failed: ${yesNo(state.restoreFailed)}`,
    );
  }
  if ('error' in backups) {
    lines.push(`Backups: could not be listed (${backups.error})`);
    return lines;
  }
  const newest = backups[0];
  lines.push(
    newest
      ? `Backups: ${backups.length}, newest ${newest.takenOn} (${newest.sizeBytes} bytes)`
      : 'Backups: none',
  );
  return lines;
}

/**
 * The "Copy diagnostics" report for support: versions, the system, the settings without
 * secrets, the database check, and the log's last 50 lines.
 *
 * Nothing secret may reach it (DESIGN.md, "Where data lives": secrets never in logs or IPC to
 * the renderer). Settings are described field by field from what the app stores, which holds no
 * secret by design; account keys and app ids, which sign or identify requests, are left out
 * too. Log lines pass the logger's own scrubber once more (a line written by an older version,
 * or before a secret was known, may hold one), and the whole text is then searched for every
 * secret the keychain holds, in each of its forms (as typed, JSON- and URL-encoded, base64).
 *
 * The report is in English whatever the UI language: it is read by support, who need the same
 * words from every installation.
 */
export class Diagnostics {
  constructor(private readonly sources: DiagnosticsSources) {}

  /** Builds the report. Never throws for a part it cannot read: the report says so instead. */
  async text(): Promise<string> {
    const { runtime, paths, settings, clock } = this.sources;
    const system = this.sources.os ?? nodeOs();
    const accountsState = this.sources.accounts.state();
    const { secrets, unreadable } = await this.knownSecrets(accountsState);
    const forms = formsOfSecrets(secrets);
    const preferences = settings.get();
    const logNotice = this.sources.logNotices.current();
    const tail = await readLogTail(path.join(paths.dataFolder, 'logs'), DIAGNOSTICS_LOG_LINES);
    const backups = await this.readBackups();

    const lines = [
      'Campaign Desk diagnostics',
      `Created: ${new Date(clock.now()).toISOString()}`,
      '',
      '== Application',
      `Version: ${runtime.appVersion}`,
      `Running in: ${runtime.host === 'electron' ? 'desktop app (Electron)' : 'browser test host (the Electron shell is not running)'}`,
      `Electron: ${runtime.electron}${runtime.host === 'electron' ? '' : ' (pinned, not running)'}`,
      `Chromium: ${runtime.chrome === '' ? 'not known to main (browser test host)' : runtime.chrome}`,
      `Node.js: ${runtime.node}`,
      `V8: ${runtime.v8}`,
      `Operating system: ${system.type} ${system.release} (${runtime.platform}, ${runtime.arch})`,
      `UI language: ${settings.locale()} (system: ${runtime.systemLocaleTag()})`,
      `Data folder: ${withoutHome(paths.dataFolder, system.homedir)}`,
      '',
      '== Preferences',
      `Theme: ${preferences.theme}`,
      `Language: ${preferences.language}`,
      '',
      `== Accounts (${accountsState.accounts.length})`,
      ...accountsState.accounts.flatMap((account) =>
        describeAccount(account, account.id === accountsState.activeAccountId),
      ),
      `Damaged account entries: ${accountsState.damaged.length}`,
      ...(unreadable
        ? ['Keychain: could not be read; log lines are masked by the logger’s patterns only']
        : []),
      '',
      '== Network proxy',
      ...describeProxy(this.sources.proxy.get()),
      '',
      '== Database',
      ...describeStorage(this.sources.storage.state(), backups),
      '',
      '== Log',
      `Log file: ${logNotice ? `not written since ${logNotice.at} (${logNotice.reason}); lines go to stderr` : 'written'}`,
      ...tail.problems.map((problem) => `Could not read ${problem.file}: ${problem.code}`),
      `Log lines (the last ${tail.lines.length}, secrets masked):`,
      ...tail.lines.map((line) => scrubText(line, forms)),
    ];
    // The last guard: whatever part a secret slipped into, it leaves masked.
    return maskForms(lines.join('\n'), forms);
  }

  /** The backups, or why they could not be listed (the report is still made). */
  private async readBackups(): Promise<readonly Backup[] | { readonly error: string }> {
    try {
      return await this.sources.backups();
    } catch (error) {
      return { error: error instanceof Error ? error.name : 'unknown' };
    }
  }

  /** Every secret the app keeps: account secrets, the proxy password, account keys, demo secrets. */
  private async knownSecrets(
    state: AccountsState,
  ): Promise<{ readonly secrets: readonly string[]; readonly unreadable: boolean }> {
    const secrets: string[] = [
      DEMO_CREDENTIALS.itniotech.apiSecret,
      DEMO_CREDENTIALS.yccall.accesskey,
    ];
    const entries: string[] = [];
    for (const account of state.accounts) {
      secrets.push(
        account.vendor === 'yccall' ? account.connection.appid : account.connection.apiKey,
      );
      if (!account.demo) entries.push(account.id);
    }
    if (this.sources.proxy.get().passwordStored) entries.push(PROXY_PASSWORD_ENTRY);
    let unreadable = false;
    for (const entry of entries) {
      try {
        const secret = await this.sources.keychain.get(entry);
        if (secret !== null) secrets.push(secret);
      } catch {
        // A locked keychain: the report still comes, masked by patterns, and says so.
        unreadable = true;
      }
    }
    return { secrets, unreadable };
  }
}
