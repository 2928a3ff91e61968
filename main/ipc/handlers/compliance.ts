import type { Locale } from '../../../shared/domain/locale';
import type { Dialogs } from '../../ports';
import type { ComplianceReports } from '../../services/compliance/compliance-report';
import type { ComplianceSettingsStore } from '../../services/compliance/compliance-settings';
import type { DncService } from '../../services/compliance/dnc-service';
import type { ListMarks } from '../../services/compliance/list-marks';
import type { Handlers } from '../dispatch';

type ComplianceChannels =
  | 'compliance.settings'
  | 'compliance.setSettings'
  | 'compliance.dncLists'
  | 'compliance.createDncList'
  | 'compliance.updateDncList'
  | 'compliance.deleteDncList'
  | 'compliance.dncEntries'
  | 'compliance.addDncNumbers'
  | 'compliance.removeDncNumbers'
  | 'compliance.addImportedList'
  | 'compliance.listMarks'
  | 'compliance.exclusions'
  | 'compliance.exportReport';

/** A safe file name for an export suggestion (no path separators, reserved or control characters). */
function reportName(campaign: string): string {
  const safe = [...campaign]
    .map((char) => (char.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(char) ? '_' : char))
    .join('')
    .trim()
    .slice(0, 80);
  return `${safe || 'campaign'}-compliance.xlsx`;
}

/**
 * Handlers of the `compliance.*` channels (issue 17): settings, DNC lists, the lists' DNC marks,
 * a draft's exclusions and its compliance report. Each adapts a request to one service call.
 */
export function complianceHandlers(deps: {
  settings: ComplianceSettingsStore;
  dnc: DncService;
  marks: ListMarks;
  reports: Pick<ComplianceReports, 'exclusions' | 'campaignName' | 'writeReport'>;
  dialogs: Dialogs;
  locale: () => Locale;
}): Pick<Handlers, ComplianceChannels> {
  const { dnc } = deps;
  return {
    'compliance.settings': () => deps.settings.get(),
    'compliance.setSettings': (settings) => deps.settings.set(settings),
    'compliance.dncLists': async () => ({ lists: await dnc.lists() }),
    'compliance.createDncList': ({ name, scope }) => dnc.create(name, scope),
    'compliance.updateDncList': ({ id, name, scope }) =>
      dnc.update(id, {
        ...(name === undefined ? {} : { name }),
        ...(scope === undefined ? {} : { scope }),
      }),
    'compliance.deleteDncList': async ({ id }) => {
      await dnc.remove(id);
      return {};
    },
    'compliance.dncEntries': ({ listId, after, limit }) => dnc.entries(listId, after, limit),
    'compliance.addDncNumbers': async ({ listId, entries, defaultCountry }) => ({
      added: await dnc.add(listId, entries, defaultCountry),
    }),
    'compliance.removeDncNumbers': async ({ listId, numbers }) => ({
      removed: await dnc.removeNumbers(listId, numbers),
    }),
    'compliance.addImportedList': async ({ listId, importedListId, expiresOn, source }) => ({
      added: await dnc.addImportedList(listId, importedListId, expiresOn, source),
    }),
    'compliance.listMarks': () => ({ marks: deps.marks.marks() }),
    'compliance.exclusions': ({ draftId, after, limit }) =>
      deps.reports.exclusions(draftId, after, limit),
    'compliance.exportReport': async ({ draftId }) => {
      const zh = deps.locale() === 'zh-CN';
      const campaign = deps.reports.campaignName(draftId);
      const file = await deps.dialogs.saveFile({
        title: zh ? '导出合规报告' : 'Export the compliance report',
        defaultName: reportName(campaign),
        filters: [{ name: 'Excel', extensions: ['xlsx'] }],
      });
      if (file === null) return { path: null, rows: 0 };
      return { path: file, rows: await deps.reports.writeReport(draftId, file, deps.locale()) };
    },
  };
}
