import { DRAFT_SCHEMA_VERSION, NO_COMPLIANCE_CHOICES } from '../../../shared/domain/draft';
import { AppError } from '../errors';

/** One step of the draft document, from `from` to `from + 1`. */
export interface DraftMigration {
  readonly from: number;
  readonly describe: string;
  up(body: Readonly<Record<string, unknown>>): Record<string, unknown>;
}

/**
 * Every draft document step, in order. Drafts are migrated when read, so a draft saved by an
 * older app opens in a newer one; the migrated version is written on the next save.
 */
export const DRAFT_MIGRATIONS: readonly DraftMigration[] = [
  {
    from: 1,
    describe:
      'version 1 (first preview) kept the start time as a top-level `sendAt` and ITNIO windows inside the settings (`allowSendTime`); version 2 groups them as `schedule` with its time zone',
    up(body) {
      const { sendAt, ...rest } = body;
      const settings = { ...(asRecord(rest['settings']) ?? {}) };
      const allow = settings['allowSendTime'];
      delete settings['allowSendTime'];
      const windows = Array.isArray(allow)
        ? allow.flatMap((window) => {
            const w = asRecord(window);
            return w && typeof w['strTime'] === 'string' && typeof w['endTime'] === 'string'
              ? [{ start: w['strTime'], end: w['endTime'] }]
              : [];
          })
        : [];
      return {
        ...rest,
        settings,
        schedule: { timeZone: null, sendAt: typeof sendAt === 'string' ? sendAt : null, windows },
        notes: typeof rest['notes'] === 'string' ? rest['notes'] : '',
        schemaVersion: 2,
      };
    },
  },
  {
    from: 2,
    describe:
      'version 3 adds the compliance choices (recent-call days, include anyway, calling window, split by zone, zone choices; all off for an older draft) and who started the draft',
    up(body) {
      return {
        ...body,
        compliance: { ...NO_COMPLIANCE_CHOICES },
        origin: 'manager',
        schemaVersion: 3,
      };
    },
  },
];

function asRecord(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/** Brings a stored draft document to the current version. */
export function migrateDraftBody(
  body: Readonly<Record<string, unknown>>,
  migrations: readonly DraftMigration[] = DRAFT_MIGRATIONS,
  target = DRAFT_SCHEMA_VERSION,
): Record<string, unknown> {
  let current: Record<string, unknown> = { ...body };
  let version = typeof current['schemaVersion'] === 'number' ? current['schemaVersion'] : 1;
  if (version > target) {
    throw new AppError(
      'CONFLICT',
      {
        en: 'This draft was saved by a newer version of Campaign Desk. Update the app to open it; the draft was not changed.',
        'zh-CN': '此草稿由更新版本的 Campaign Desk 保存。请更新应用后再打开；草稿未被修改。',
      },
      { version, target },
    );
  }
  while (version < target) {
    const step = migrations.find((candidate) => candidate.from === version);
    if (!step) throw new Error(`No draft migration from version ${version}.`);
    current = step.up(current);
    version += 1;
    current['schemaVersion'] = version;
  }
  return current;
}
