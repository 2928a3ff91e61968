import type { Locale } from '../../../shared/domain/locale';
import type { Dialogs } from '../../ports';
import { exportAuditJson, exportAuditXlsx } from '../../services/audit/audit-export';
import { summariseAuditEntry } from '../../services/audit/audit-summary';
import type { AuditTrail } from '../../services/audit/audit-trail';
import type { DraftsService } from '../../services/drafts/drafts-service';
import type { CachedPickers, PickerCache } from '../../services/drafts/picker-cache';
import type { DraftSubmitter } from '../../services/submissions/draft-submitter';
import type { Outbox } from '../../services/submissions/outbox';
import type { Preflight } from '../../services/preflight/preflight';
import type { Handlers } from '../dispatch';

type Channels =
  | 'drafts.list'
  | 'drafts.create'
  | 'drafts.get'
  | 'drafts.summary'
  | 'drafts.save'
  | 'drafts.validate'
  | 'drafts.duplicate'
  | 'drafts.delete'
  | 'drafts.restore'
  | 'drafts.pickers'
  | 'drafts.refreshPickers'
  | 'submissions.submit'
  | 'submissions.list'
  | 'submissions.retry'
  | 'submissions.cancel'
  | 'submissions.exportRefused'
  | 'audit.verify'
  | 'audit.export'
  | 'audit.entries'
  | 'preflight.review'
  | 'preflight.estimateSettings'
  | 'preflight.setEstimateSettings';

/** Cached pickers as plain (mutable) data for the response schema. */
function toWire(cached: CachedPickers) {
  return {
    pickers: Object.fromEntries(
      Object.entries(cached.pickers).map(([name, options]) => [
        name,
        options.map((option) => ({ ...option })),
      ]),
    ),
    refreshedAt: cached.refreshedAt,
  };
}

/** Handlers of the `drafts.*`, `preflight.*`, `submissions.*` and `audit.*` channels. */
export function submissionHandlers(deps: {
  drafts: DraftsService;
  outbox: Outbox;
  submitter: DraftSubmitter;
  audit: AuditTrail;
  preflight: Preflight;
  pickers: PickerCache;
  isOnline: () => boolean;
  dialogs: Dialogs;
  locale: () => Locale;
}): Pick<Handlers, Channels> {
  const { drafts, outbox, audit } = deps;
  return {
    'drafts.list': ({ search, deleted }) => ({
      drafts: [...drafts.list({ ...(search ? { search } : {}), ...(deleted ? { deleted } : {}) })],
    }),
    'drafts.create': ({ accountId, kind, listId, name }) =>
      drafts.create({ accountId, kind, listId: listId ?? null, ...(name ? { name } : {}) }),
    'drafts.get': ({ id }) => drafts.get(id),
    'drafts.summary': ({ id }) => drafts.summary(id),
    'drafts.save': (edit) => drafts.save(edit),
    'drafts.validate': async ({ id }) => ({ problems: [...(await drafts.validate(id))] }),
    'drafts.duplicate': ({ id }) => drafts.duplicate(id),
    'drafts.delete': ({ id }) => drafts.delete(id),
    'drafts.restore': ({ id }) => drafts.restore(id),
    // Never touches the network: drafts are edited offline from what was loaded last.
    'drafts.pickers': ({ accountId, kind }) => {
      const cached = deps.pickers.get(accountId, kind);
      return cached ? toWire(cached) : { pickers: {}, refreshedAt: null };
    },
    'drafts.refreshPickers': async ({ accountId, kind }, { signal }) =>
      toWire(await deps.pickers.refresh(accountId, kind, signal)),
    'submissions.submit': ({ draftId }) => deps.submitter.submit(draftId),
    'preflight.review': ({ draftId }, { signal }) =>
      deps.preflight.review(drafts.get(draftId), { online: deps.isOnline(), signal }),
    'preflight.estimateSettings': ({ accountId }) => deps.preflight.estimateSettings(accountId),
    'preflight.setEstimateSettings': ({ accountId, settings }) =>
      deps.preflight.setEstimateSettings(accountId, settings),
    'submissions.list': () => ({ submissions: [...outbox.list()] }),
    'submissions.retry': ({ id }) => outbox.retry(id),
    'submissions.cancel': ({ id }) => outbox.cancel(id),
    'submissions.exportRefused': async ({ id }) => {
      const zh = deps.locale() === 'zh-CN';
      const file = await deps.dialogs.saveFile({
        title: zh ? '导出被拒号码' : 'Export the refused numbers',
        defaultName: 'refused-numbers.csv',
        filters: [{ name: 'CSV', extensions: ['csv'] }],
      });
      if (file === null) return { path: null, numbers: 0 };
      return { path: file, numbers: await outbox.exportRefused(id, file, deps.locale()) };
    },
    'audit.verify': () => {
      const result = audit.verify();
      return {
        ok: result.ok,
        entries: result.entries,
        problems: result.problems.map((problem) => ({
          seq: problem.seq,
          problem: problem.problem,
        })),
      };
    },
    'audit.entries': ({ limit, beforeSeq }) => {
      const names = new Map(outbox.list().map((view) => [view.id, view.name]));
      return {
        entries: audit.recent(limit, beforeSeq).map((entry) => {
          const text = JSON.stringify(entry.payload, null, 1);
          return {
            seq: entry.seq,
            at: entry.at,
            type: entry.type,
            submissionId: entry.submissionId,
            campaign: entry.submissionId === null ? null : (names.get(entry.submissionId) ?? null),
            summary: { ...summariseAuditEntry(entry) },
            payload: text.length > 4_000 ? `${text.slice(0, 4_000)}…` : text,
            hash: entry.hash,
          };
        }),
      };
    },
    'audit.export': async ({ format }) => {
      const zh = deps.locale() === 'zh-CN';
      const file = await deps.dialogs.saveFile({
        title: zh ? '导出审计记录' : 'Export the audit trail',
        defaultName: `campaign-desk-audit.${format}`,
        filters: [{ name: format === 'xlsx' ? 'Excel' : 'JSON', extensions: [format] }],
      });
      if (file === null) return { path: null, entries: 0 };
      const entries =
        format === 'xlsx' ? await exportAuditXlsx(audit, file) : await exportAuditJson(audit, file);
      return { path: file, entries };
    },
  };
}
