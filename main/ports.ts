import type { Locale } from '../shared/domain/locale';
import type { LogNotice } from '../shared/domain/log-notice';
import type { SettingsRecovery } from '../shared/domain/settings-recovery';
import type { UpdateFailure, UpdatesOffReason } from '../shared/domain/update';

/** Small JSON settings storage (electron-store in the app, conf in tests and the browser host). */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
  /** Where the store lives on disk, for diagnostics. */
  readonly path: string;
  /** What was repaired when the store was opened (a damaged file set aside), or null. */
  recovery?(): SettingsRecovery | null;
  /** Resolves once background work (the backup of the last write) is on disk. */
  flush?(): Promise<void>;
}

/** The OS keychain: one secret per account. Implementations must never fall back to files. */
export interface SecretStore {
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  delete(account: string): Promise<boolean>;
}

/** Wall-clock time, injectable so tests can drive it. */
export interface Clock {
  now(): number;
}

/** Structured logging; callers never pass secrets. */
export interface Logger {
  debug(message: string, fields?: Readonly<Record<string, unknown>>): void;
  info(message: string, fields?: Readonly<Record<string, unknown>>): void;
  warn(message: string, fields?: Readonly<Record<string, unknown>>): void;
  error(message: string, fields?: Readonly<Record<string, unknown>>): void;
}

/** What the app asks of the log file besides lines: secrets to mask, and news of its failure. */
export interface LogControl {
  /** Masks `value` wherever it appears in later lines (e.g. a secret read from the keychain). */
  maskSecret(value: string): void;
  /**
   * Calls `listener` when the log file can no longer be written and lines go to stderr (at once
   * if that already happened); returns the unsubscribe function.
   */
  onFallback(listener: (notice: LogNotice) => void): () => void;
}

/** Folders the app writes to. */
export interface Paths {
  readonly dataFolder: string;
}

/** Versions of the runtime pieces, as the host knows them. */
export interface RuntimeInfo {
  readonly host: 'electron' | 'browser-host';
  readonly appName: string;
  readonly appVersion: string;
  readonly electron: string;
  readonly chrome: string;
  readonly node: string;
  readonly v8: string;
  readonly platform: string;
  readonly arch: string;
  /** The OS's preferred language tag (e.g. `zh-CN`, `en-US`). */
  systemLocaleTag(): string;
}

/** Opens an https link in the system browser. */
export interface ExternalOpener {
  openExternal(url: string): Promise<void>;
}

/** Pushes an event to every renderer. */
export interface EventSink {
  emit(event: string, payload: unknown): void;
}

/** The user's current UI language, for messages written in main. */
export type LocaleSource = () => Locale;

/** A file type filter of an open/save dialog. */
export interface FileFilter {
  readonly name: string;
  readonly extensions: readonly string[];
}

/** Native file dialogs (Electron's in the app; scripted in the browser host and tests). */
export interface Dialogs {
  /** Asks for a file to open; null when the person cancels. `defaultPath` is only a suggestion. */
  openFile(options: {
    readonly title: string;
    readonly filters: readonly FileFilter[];
    readonly defaultPath?: string;
  }): Promise<string | null>;
  /** Asks where to save; null when the person cancels. */
  saveFile(options: {
    readonly title: string;
    readonly defaultName: string;
    readonly filters: readonly FileFilter[];
  }): Promise<string | null>;
}

/** A desktop notification (native in Electron; recorded in tests and the browser host). */
export interface Notifier {
  notify(notification: {
    readonly title: string;
    readonly body: string;
    /** What the notification is about, so a click can open it. */
    readonly target?: { readonly accountId: string; readonly taskId: string };
  }): void;
}

/** Whether the window is visible and the machine online: polling pauses when either is false. */
export interface Activity {
  isVisible(): boolean;
  isOnline(): boolean;
  /** Calls `listener` whenever either changes; returns the unsubscribe function. */
  onChange(listener: () => void): () => void;
}

/** What the update machinery reports, in order: checking, then available → progress → downloaded. */
export type UpdaterEvent =
  | { readonly kind: 'checking' }
  | { readonly kind: 'not-available' }
  | { readonly kind: 'available'; readonly version: string }
  | { readonly kind: 'progress'; readonly percent: number }
  /** Downloaded and verified against the app's update key: it may be installed. */
  | { readonly kind: 'downloaded'; readonly version: string }
  | {
      readonly kind: 'failed';
      readonly failure: UpdateFailure;
      readonly version: string | null;
      /** For the log: the updater's error code or the verification's finding (no secrets). */
      readonly detail: string;
    };

/**
 * Auto-update (electron-updater behind `main/platform/updater.ts`; no-op or scripted in the
 * browser host and tests). A newer version downloads in the background once `check()` finds
 * it; nothing is installed until `installAndRestart()`.
 */
export interface Updater {
  /** Null when this copy can update itself; otherwise why not. */
  readonly off: UpdatesOffReason | null;
  /** Asks the feed for a newer version; events report what follows. */
  check(): Promise<void>;
  /** Calls `listener` for every event; returns the unsubscribe function. */
  onEvent(listener: (event: UpdaterEvent) => void): () => void;
  /**
   * Verifies the downloaded update once more, then quits, installs it and starts the app again.
   * Reports a `failed` event (and installs nothing) when it no longer verifies.
   */
  installAndRestart(): Promise<void>;
}
