import { randomUUID } from 'node:crypto';
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import {
  DRAFT_SCHEMA_VERSION,
  DraftEditSchema,
  DraftSchema,
  NO_COMPLIANCE_CHOICES,
  type Draft,
  type DraftEdit,
  type DraftOrigin,
  type DraftProblem,
  type DraftSummary,
} from '../../../shared/domain/draft';
import type { DraftCompliance } from '../../../shared/domain/compliance';
import { VENDOR_KINDS, type TaskKind, type VendorId } from '../../../shared/domain/task';
import type { Clock } from '../../ports';
import { AppError } from '../errors';
import { migrateDraftBody } from './draft-migrations';
import { validateDraft } from './draft-validation';
import type { ListSource } from './list-source';

/** How a DraftsService is put together. */
export interface DraftsServiceOptions {
  readonly db: DatabaseSync;
  readonly clock: Clock;
  readonly lists: ListSource;
  /** True when a submission of the account and kind already uses the name (the outbox journal). */
  readonly isNameTaken?: (accountId: string, kind: TaskKind, name: string) => boolean;
  /**
   * The vendor of an account, or null when there is no such account: a draft must target an
   * account that exists and a kind its vendor offers. Without it the target is not checked.
   */
  readonly vendorOf?: (accountId: string) => VendorId | null;
  /** How long deleted drafts can be restored (default 30 days). */
  readonly undoWindowMs?: number;
  readonly newId?: () => string;
  /**
   * The compliance choices a new draft starts with (Settings → Compliance: the history rule and
   * the calling window); without it every rule starts off.
   */
  readonly complianceDefaults?: () => DraftCompliance;
}

function notFound(id: string): AppError {
  return new AppError(
    'NOT_FOUND',
    { en: 'That draft no longer exists.', 'zh-CN': '该草稿已不存在。' },
    { id },
  );
}

/**
 * Offline campaign drafts in the app database.
 *
 * A draft is one small row (settings JSON, the list referenced by id), so an autosave is one
 * UPDATE in its own transaction: SQLite's journal makes it atomic, and a crash at any moment
 * leaves the previous or the new version, never a mix. Saves carry the revision they edit, so a
 * stale editor cannot overwrite a newer save. Deleting keeps the draft restorable (undo) for
 * `undoWindowMs`; documents from older app versions are migrated when read.
 */
export class DraftsService {
  private readonly db: DatabaseSync;
  private readonly clock: Clock;
  private readonly newId: () => string;
  private readonly undoWindowMs: number;
  private readonly saveStatement: StatementSync;

  constructor(private readonly options: DraftsServiceOptions) {
    this.db = options.db;
    this.clock = options.clock;
    this.newId = options.newId ?? randomUUID;
    this.undoWindowMs = options.undoWindowMs ?? 30 * 86_400_000;
    // Prepared once: an autosave is a single statement.
    this.saveStatement = this.db.prepare(
      `UPDATE drafts SET name = ?, list_id = ?, schema_version = ?, body_json = ?, revision = revision + 1,
         updated_at = ? WHERE id = ? AND revision = ? AND deleted_at IS NULL`,
    );
  }

  /** Starts an empty draft for an account and kind of task. */
  create(input: {
    readonly accountId: string;
    readonly kind: TaskKind;
    readonly name?: string;
    readonly listId?: string | null;
    readonly settings?: Readonly<Record<string, unknown>>;
    readonly compliance?: DraftCompliance;
    readonly origin?: DraftOrigin;
  }): Draft {
    const problem = this.targetProblem(input.accountId, input.kind);
    if (problem) throw new AppError(problem.code, problem.message, { field: problem.field });
    const now = this.clock.now();
    const draft: Draft = DraftSchema.parse({
      schemaVersion: DRAFT_SCHEMA_VERSION,
      id: this.newId(),
      accountId: input.accountId,
      kind: input.kind,
      name: input.name ?? '',
      listId: input.listId ?? null,
      settings: input.settings ?? {},
      schedule: { timeZone: null, sendAt: null, windows: [] },
      compliance: input.compliance ??
        this.options.complianceDefaults?.() ?? { ...NO_COMPLIANCE_CHOICES },
      origin: input.origin ?? 'manager',
      notes: '',
      revision: 1,
      createdAt: new Date(now).toISOString(),
      updatedAt: new Date(now).toISOString(),
    });
    this.insert(draft, now);
    return draft;
  }

  /**
   * Saves an edit (autosave: call it within a second of every change). Refuses an edit of an
   * older revision with CONFLICT, so two windows cannot silently overwrite each other.
   */
  save(edit: DraftEdit): Draft {
    const parsed = DraftEditSchema.safeParse(edit);
    if (!parsed.success) {
      throw new AppError(
        'INVALID_INPUT',
        {
          en: 'The draft could not be saved: some fields have the wrong shape.',
          'zh-CN': '草稿无法保存：部分字段格式不正确。',
        },
        { fields: parsed.error.issues.map((issue) => issue.path.join('.')) },
      );
    }
    const current = this.get(edit.id);
    const now = this.clock.now();
    const { id: _id, revision: _revision, ...changes } = parsed.data;
    const next: Draft = {
      ...current,
      ...changes,
      revision: current.revision + 1,
      updatedAt: new Date(now).toISOString(),
    };
    const result = this.saveStatement.run(
      next.name,
      next.listId,
      DRAFT_SCHEMA_VERSION,
      JSON.stringify(next),
      now,
      edit.id,
      edit.revision,
    );
    if (Number(result.changes) !== 1) {
      throw new AppError(
        'CONFLICT',
        {
          en: 'This draft was changed somewhere else since you opened it. Reopen it to see the latest version.',
          'zh-CN': '打开后此草稿已在其他地方被修改。请重新打开以查看最新版本。',
        },
        { id: edit.id, revision: edit.revision, current: current.revision },
      );
    }
    return next;
  }

  /** A draft, migrated to the current document version. */
  get(id: string): Draft {
    const row = this.db
      .prepare('SELECT body_json FROM drafts WHERE id = ? AND deleted_at IS NULL')
      .get(id);
    if (!row) throw notFound(id);
    return this.parseBody(String(row['body_json']), id);
  }

  /** Drafts, newest first; `search` matches the name (case-insensitive). */
  list(
    filter: {
      readonly search?: string;
      readonly accountId?: string;
      readonly kind?: TaskKind;
      readonly deleted?: boolean;
    } = {},
  ): readonly DraftSummary[] {
    const where: string[] = [filter.deleted ? 'deleted_at IS NOT NULL' : 'deleted_at IS NULL'];
    const values: string[] = [];
    if (filter.search?.trim()) {
      where.push("name LIKE ? ESCAPE '\\'");
      values.push(`%${filter.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    }
    if (filter.accountId) {
      where.push('account_id = ?');
      values.push(filter.accountId);
    }
    if (filter.kind) {
      where.push('kind = ?');
      values.push(filter.kind);
    }
    return this.db
      .prepare(
        `SELECT id, account_id, kind, name, list_id, revision, updated_at, deleted_at FROM drafts
         WHERE ${where.join(' AND ')} ORDER BY updated_at DESC`,
      )
      .all(...values)
      .map((row) => ({
        id: String(row['id']),
        accountId: String(row['account_id']),
        kind: String(row['kind']) as TaskKind,
        name: String(row['name']),
        listId: row['list_id'] === null ? null : String(row['list_id']),
        revision: Number(row['revision']),
        updatedAt: new Date(Number(row['updated_at'])).toISOString(),
        deleted: row['deleted_at'] !== null,
      }));
  }

  /** A copy with a new id and "(copy)" after the name. */
  duplicate(id: string): Draft {
    const source = this.get(id);
    const now = this.clock.now();
    const copy: Draft = {
      ...source,
      id: this.newId(),
      name: `${source.name} (copy)`,
      revision: 1,
      createdAt: new Date(now).toISOString(),
      updatedAt: new Date(now).toISOString(),
    };
    this.insert(copy, now);
    return copy;
  }

  /** Renames a draft (the task name). */
  rename(id: string, name: string): Draft {
    const current = this.get(id);
    return this.save({ ...current, name });
  }

  /** Moves a draft to the bin; `restore` brings it back within the undo window. */
  delete(id: string): { readonly id: string; readonly restorableUntil: string } {
    const now = this.clock.now();
    const result = this.db
      .prepare('UPDATE drafts SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL')
      .run(now, id);
    if (Number(result.changes) !== 1) throw notFound(id);
    return { id, restorableUntil: new Date(now + this.undoWindowMs).toISOString() };
  }

  /** Undoes a delete. */
  restore(id: string): Draft {
    const result = this.db
      .prepare(
        'UPDATE drafts SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL AND deleted_at > ?',
      )
      .run(id, this.clock.now() - this.undoWindowMs);
    if (Number(result.changes) !== 1) throw notFound(id);
    return this.get(id);
  }

  /** Removes drafts deleted longer ago than the undo window; returns how many. */
  purgeDeleted(): number {
    const result = this.db
      .prepare('DELETE FROM drafts WHERE deleted_at IS NOT NULL AND deleted_at <= ?')
      .run(this.clock.now() - this.undoWindowMs);
    return Number(result.changes);
  }

  /** Every documented rule the draft breaks, with the list's current count. */
  async validate(id: string): Promise<readonly DraftProblem[]> {
    const draft = this.get(id);
    const summary = draft.listId === null ? null : await this.options.lists.summary(draft.listId);
    if (draft.listId !== null && summary === null) {
      return [
        {
          field: 'list',
          rule: 'list.missing',
          message: {
            en: 'The list this draft uses is no longer in the app. Import it again or pick another.',
            'zh-CN': '此草稿使用的名单已不在应用中。请重新导入或选择其他名单。',
          },
        },
      ];
    }
    const target = this.targetProblem(draft.accountId, draft.kind);
    if (target) return [{ field: target.field, rule: target.rule, message: target.message }];
    return validateDraft(draft, {
      listCount: summary?.valid ?? null,
      nameTaken: this.options.isNameTaken?.(draft.accountId, draft.kind, draft.name) ?? false,
    });
  }

  /** Refuses (NOT_FOUND / INVALID_INPUT) an account that does not exist or lacks the kind. */
  checkTarget(accountId: string, kind: TaskKind): void {
    const problem = this.targetProblem(accountId, kind);
    if (problem) throw new AppError(problem.code, problem.message, { field: problem.field });
  }

  private targetProblem(
    accountId: string,
    kind: TaskKind,
  ): (DraftProblem & { readonly code: 'NOT_FOUND' | 'INVALID_INPUT' }) | null {
    if (!this.options.vendorOf) return null;
    const vendor = this.options.vendorOf(accountId);
    if (vendor === null) {
      return {
        code: 'NOT_FOUND',
        field: 'accountId',
        rule: 'account.missing',
        message: {
          en: 'The account of this draft no longer exists. Choose another account.',
          'zh-CN': '此草稿的账户已不存在，请选择其他账户。',
        },
      };
    }
    if (!VENDOR_KINDS[vendor].includes(kind)) {
      return {
        code: 'INVALID_INPUT',
        field: 'kind',
        rule: 'kind.unsupported',
        message: {
          en: 'This account cannot run this kind of task. Choose a kind its vendor offers.',
          'zh-CN': '此账户不能执行此类任务，请选择其服务商支持的任务类型。',
        },
      };
    }
    return null;
  }

  private insert(draft: Draft, now: number): void {
    this.db
      .prepare(
        `INSERT INTO drafts (id, account_id, kind, name, list_id, schema_version, body_json, revision, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        draft.id,
        draft.accountId,
        draft.kind,
        draft.name,
        draft.listId,
        DRAFT_SCHEMA_VERSION,
        JSON.stringify(draft),
        draft.revision,
        now,
        now,
      );
  }

  private parseBody(text: string, id: string): Draft {
    let raw: unknown;
    try {
      raw = JSON.parse(text) as unknown;
    } catch {
      raw = null;
    }
    const parsed =
      raw !== null && typeof raw === 'object' && !Array.isArray(raw)
        ? DraftSchema.safeParse(migrateDraftBody(raw as Record<string, unknown>))
        : null;
    if (!parsed?.success) {
      throw new AppError(
        'INTERNAL',
        {
          en: 'This draft could not be read. It was not changed.',
          'zh-CN': '无法读取此草稿。草稿未被修改。',
        },
        { id },
      );
    }
    return parsed.data;
  }
}
