import type { Notifier } from '../../main/ports';

/** One notification as a test reads it. */
export type RecordedNotification = Parameters<Notifier['notify']>[0];

/** A Notifier that keeps every notification. */
export class RecordingNotifier implements Notifier {
  readonly sent: RecordedNotification[] = [];
  notify(notification: RecordedNotification): void {
    this.sent.push(notification);
  }
}
