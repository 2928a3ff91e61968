import type {
  DncEntryInput as TypedEntry,
  DncEntryView,
  DncListView,
  DncScopeView,
} from '../../../shared/domain/compliance';
import type { Locale } from '../../../shared/domain/locale';
import {
  addDays,
  dateText,
  firstInstantAtOrAfter,
  parseDate,
  wallTimeAt,
} from '../../../shared/compliance/zoned-clock';
import { checkPhone, isKnownRegion } from '../../../shared/util/phone-normalize';
import type { Clock } from '../../ports';
import { AppError } from '../errors';
import { describeReason } from '../lists/reasons';
import type { DncEntryInput, DncList, DncRepository, DncScope } from './ports';
import { listNotFound } from './sqlite-dnc-repository';

const iso = (instant: number): string => new Date(instant).toISOString();

/** What the DNC service is built from. */
export interface DncServiceOptions {
  readonly repository: DncRepository;
  readonly clock: Clock;
  readonly newId: () => string;
  /** The zone expiry dates are read in (the manager's computer). */
  readonly zone: () => string;
  /** Called after every change to a DNC list (the list marks are recounted lazily). */
  readonly onChange?: () => void;
}

/**
 * Do-not-call lists as the Compliance screen edits them: numbers as typed are normalised with the
 * app's phone checker, expiry dates are read in the manager's zone, and one bad number refuses
 * the whole batch (naming it) before anything is written.
 */
export class DncService {
  constructor(private readonly options: DncServiceOptions) {}

  /** Every list, by name. */
  async lists(): Promise<DncListView[]> {
    return (await this.options.repository.lists()).map(toView);
  }

  /** Creates an empty list. */
  async create(name: string, scope: DncScopeView): Promise<DncListView> {
    const list = await this.options.repository.createList({
      id: this.options.newId(),
      name,
      scope: toScope(scope),
      at: this.options.clock.now(),
    });
    this.changed();
    return toView(list);
  }

  /** Renames a list, changes its scope, or both (in that order). */
  async update(id: string, change: { name?: string; scope?: DncScopeView }): Promise<DncListView> {
    const at = this.options.clock.now();
    const repository = this.options.repository;
    let list = await this.required(id);
    if (change.name !== undefined) list = await repository.renameList(id, change.name, at);
    if (change.scope !== undefined) list = await repository.setScope(id, toScope(change.scope), at);
    this.changed();
    return toView(list);
  }

  /** Deletes a list and its numbers. */
  async remove(id: string): Promise<void> {
    await this.required(id);
    await this.options.repository.deleteList(id);
    this.changed();
  }

  /** A page of a list's numbers in number order. */
  async entries(
    listId: string,
    after: string | null,
    limit: number,
  ): Promise<{ items: DncEntryView[]; next: string | null }> {
    const page = await this.options.repository.entries(listId, { after, limit });
    return {
      items: page.items.map((entry) => ({
        number: entry.number,
        expiresOn: entry.expiresAt === null ? null : this.dateOf(entry.expiresAt),
        source: entry.source,
        addedAt: iso(entry.addedAt),
      })),
      next: page.next,
    };
  }

  /**
   * Adds numbers as typed. Every number is checked first; the first one that is not a phone
   * number refuses the batch with a message naming it, and nothing is written.
   */
  async add(
    listId: string,
    typed: readonly TypedEntry[],
    defaultCountry: string | null,
  ): Promise<number> {
    const country =
      defaultCountry !== null && isKnownRegion(defaultCountry) ? defaultCountry : null;
    if (defaultCountry !== null && country === null) {
      throw new AppError(
        'INVALID_INPUT',
        {
          en: `"${defaultCountry}" is not a country the phone checker knows. Nothing was added.`,
          'zh-CN': `号码检查不认识国家“${defaultCountry}”。未添加任何号码。`,
        },
        { field: 'defaultCountry' },
      );
    }
    const entries: DncEntryInput[] = typed.map((entry, index) => {
      const checked = checkPhone(entry.number, country, 'none');
      if (!checked.ok) {
        const why = (locale: Locale) =>
          describeReason(checked.problem, checked.detail ?? entry.number, locale);
        throw new AppError(
          'INVALID_INPUT',
          {
            en: `Number ${String(index + 1)}, "${entry.number}", is not a phone number we can use: ${why('en')} Nothing was added.`,
            'zh-CN': `第 ${String(index + 1)} 个号码“${entry.number}”无法使用：${why('zh-CN')}未添加任何号码。`,
          },
          { field: 'entries', index },
        );
      }
      return {
        number: checked.e164,
        expiresAt: entry.expiresOn === null ? null : this.expiryOf(entry.expiresOn, index),
        source: entry.source,
      };
    });
    const result = await this.options.repository.addEntries(
      listId,
      entries,
      this.options.clock.now(),
    );
    this.changed();
    return result.count;
  }

  /** Removes numbers (as the list shows them, or as typed in international form). */
  async removeNumbers(listId: string, numbers: readonly string[]): Promise<number> {
    const normalised = numbers.map((number, index) => {
      const checked = checkPhone(number, null, 'none');
      if (!checked.ok) {
        throw new AppError(
          'INVALID_INPUT',
          {
            en: `Number ${String(index + 1)}, "${number}", is not a number in international form (+ country code). Nothing was removed.`,
            'zh-CN': `第 ${String(index + 1)} 个号码“${number}”不是国际格式（+国家代码）。未移除任何号码。`,
          },
          { field: 'numbers', index },
        );
      }
      return checked.e164;
    });
    const result = await this.options.repository.removeEntries(
      listId,
      normalised,
      this.options.clock.now(),
    );
    this.changed();
    return result.count;
  }

  /** Puts every callable number of an imported list on a DNC list. */
  async addImportedList(
    listId: string,
    importedListId: string,
    expiresOn: string | null,
    source: string | null,
  ): Promise<number> {
    const result = await this.options.repository.addImportedList(
      listId,
      importedListId,
      { expiresAt: expiresOn === null ? null : this.expiryOf(expiresOn, 0), source },
      this.options.clock.now(),
    );
    this.changed();
    return result.count;
  }

  /** The instant an entry stops applying: the midnight after its last day, in the manager's zone. */
  private expiryOf(date: string, index: number): number {
    const day = parseDate(date);
    if (day === null) {
      throw new AppError(
        'INVALID_INPUT',
        {
          en: `The expiry date "${date}" is not on the calendar. Nothing was changed.`,
          'zh-CN': `到期日期“${date}”不是有效日期。未做任何修改。`,
        },
        { field: 'expiresOn', index },
      );
    }
    return firstInstantAtOrAfter(this.options.zone(), { ...addDays(day, 1), hour: 0, minute: 0 });
  }

  private dateOf(expiresAt: number): string {
    return dateText(wallTimeAt(this.options.zone(), expiresAt - 1));
  }

  private async required(id: string): Promise<DncList> {
    const list = await this.options.repository.getList(id);
    if (list !== null) return list;
    throw listNotFound(id);
  }

  private changed(): void {
    this.options.onChange?.();
  }
}

function toScope(scope: DncScopeView): DncScope {
  return scope.kind === 'all-accounts'
    ? { kind: 'all-accounts' }
    : { kind: 'accounts', accountIds: [...new Set(scope.accountIds)] };
}

function toView(list: DncList): DncListView {
  return {
    id: list.id,
    name: list.name,
    scope:
      list.scope.kind === 'all-accounts'
        ? { kind: 'all-accounts' }
        : { kind: 'accounts', accountIds: [...list.scope.accountIds] },
    entryCount: list.entryCount,
    version: list.version,
    createdAt: iso(list.createdAt),
    updatedAt: iso(list.updatedAt),
  };
}
