import type { TaskCapabilities } from '../../main/services/vendors/vendor';

/** A vendor that can do nothing to a task (fakes that only list or create). */
export const NO_CAPABILITIES: TaskCapabilities = {
  resend: false,
  pause: false,
  resume: false,
  cancel: false,
  edit: false,
  appendNumbers: false,
  numberResults: false,
  searchContent: false,
  resendScopes: [],
  resendOptions: [],
};
