import { NO_CAPABILITIES } from './capabilities';
import { AppError } from '../../main/services/errors';
import type { Page, TaskDetail, TaskQuery, Vendor } from '../../main/services/vendors/vendor';
import type { TaskKind, TaskState, TaskSummary } from '../../shared/domain/task';

/** One task of the in-memory vendor; tests change its fields directly. */
export interface BoardTask {
  id: string;
  kind: TaskKind;
  name: string;
  state: TaskState;
  code: string;
  total: number;
  called: number;
  success: number;
  failed: number;
  transferred: number;
  createdAt: number;
}

const unsupported = async (): Promise<never> => {
  throw new AppError('INTERNAL', { en: 'Not part of this fake.', 'zh-CN': '测试替身不支持。' });
};

/**
 * An in-memory vendor for monitor unit tests and the bench: tasks newest first, server-side state
 * filters and 1–100 paging like ITNIO, and a log of every call so tests count requests.
 */
export class BoardVendor implements Vendor {
  readonly tasks: BoardTask[] = [];
  readonly calls: { readonly method: 'listTasks' | 'getTask'; readonly query?: TaskQuery }[] = [];
  /** When set, every call fails with this error. */
  failWith: AppError | null = null;
  private nextId = 1;

  constructor(
    readonly accountId: string,
    readonly kinds: readonly TaskKind[] = ['voice-group'],
    readonly vendor: 'itniotech' | 'yccall' = 'itniotech',
  ) {}

  /** Adds a task (newest so far) and returns it. */
  add(fields: Partial<BoardTask> = {}): BoardTask {
    const id = String(this.nextId++);
    const task: BoardTask = {
      id,
      kind: this.kinds[0] ?? 'voice-group',
      name: `Task ${id}`,
      state: 'running',
      code: '1',
      total: 100,
      called: 0,
      success: 0,
      failed: 0,
      transferred: 0,
      createdAt: Date.UTC(2026, 0, 5) + Number(id) * 1000,
      ...fields,
    };
    this.tasks.push(task);
    return task;
  }

  capabilities() {
    return NO_CAPABILITIES;
  }

  async testConnection() {
    return { summary: { en: 'ok', 'zh-CN': 'ok' } };
  }

  async listTasks(query: TaskQuery): Promise<Page<TaskSummary>> {
    this.calls.push({ method: 'listTasks', query });
    if (this.failWith) throw this.failWith;
    if (query.pageSize < 1 || query.pageSize > 100 || query.page < 1) {
      throw new AppError('INVALID_INPUT', { en: 'Bad page.', 'zh-CN': '页码错误。' });
    }
    const matching = this.tasks
      .filter((task) => query.kind === undefined || task.kind === query.kind)
      .filter((task) => !query.states?.length || query.states.includes(task.state))
      .reverse();
    const start = (query.page - 1) * query.pageSize;
    return {
      items: matching.slice(start, start + query.pageSize).map((task) => this.summary(task)),
      page: query.page,
      pageSize: query.pageSize,
      total: matching.length,
    };
  }

  async getTask(kind: TaskKind, taskId: string): Promise<TaskDetail> {
    this.calls.push({ method: 'getTask' });
    if (this.failWith) throw this.failWith;
    const task = this.tasks.find((t) => t.kind === kind && t.id === taskId);
    if (!task) throw new AppError('NOT_FOUND', { en: 'No such task.', 'zh-CN': '没有该任务。' });
    return {
      summary: this.summary(task, true),
      groups: [{ group: 'transfers', fields: [{ key: 'toseatNum', value: task.transferred }] }],
    };
  }

  listNumberResults = unsupported;
  createTask = unsupported;
  findTaskByName = unsupported;
  readBack = unsupported;
  dialledForm = (_kind: TaskKind, phone: string): string => phone.replace(/\D/g, '');
  resend = unsupported;
  pause = unsupported;
  resume = unsupported;
  cancel = unsupported;
  edit = unsupported;
  loadPickers = unsupported;

  /** Calls made since the given index, by method. */
  countSince(index: number): number {
    return this.calls.length - index;
  }

  private summary(task: BoardTask, detail = false): TaskSummary {
    return {
      id: task.id,
      accountId: this.accountId,
      vendor: this.vendor,
      kind: task.kind,
      name: task.name,
      state: task.state,
      vendorStatus: { code: task.code, label: task.state },
      counts: {
        total: task.total,
        called: task.called,
        // Like ITNIO: cc rows report transfers but no successes (§4.4); group-call list rows
        // report successes, and transfers only in the detail (§5.5, §5.6).
        success: task.kind === 'cc-preview' ? null : task.success,
        failed: task.failed,
        transferred: task.kind === 'cc-preview' || detail ? task.transferred : null,
      },
      createdAt: new Date(task.createdAt).toISOString(),
      finishedAt: null,
    };
  }
}
