import { z } from 'zod';
import { LocaleSchema } from './locale';

/** Facts about the running application, shown in the About view. */
export const AppInfoSchema = z.strictObject({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  arch: z.string(),
  dataFolder: z.string(),
  /** Where the UI is hosted: the Electron shell, or the browser test host. */
  host: z.enum(['electron', 'browser-host']),
  versions: z.strictObject({
    electron: z.string(),
    node: z.string(),
    chrome: z.string(),
    v8: z.string(),
  }),
  /** The operating system's preferred UI language, mapped to one we ship. */
  systemLocale: LocaleSchema,
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

/** The "Copy diagnostics" report for support, as plain text (built in main, secrets masked). */
export const DiagnosticsReportSchema = z.strictObject({
  text: z.string().max(1_000_000),
});
export type DiagnosticsReport = z.infer<typeof DiagnosticsReportSchema>;
