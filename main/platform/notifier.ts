import { Notification } from 'electron';
import type { Notifier } from '../ports';

/** Native desktop notifications (silently skipped where the OS does not support them). */
export const electronNotifier: Notifier = {
  notify({ title, body }) {
    if (Notification.isSupported()) new Notification({ title, body }).show();
  },
};
