import { useCallback, useEffect, useState } from 'react';
import {
  defaultSheet,
  TextEncodingSchema,
  VendorLengthRuleSchema,
  type FileInspection,
  type FilePreview,
  type ImportProgress,
  type ListSummary,
  type MappingChoice,
  type TextEncoding,
  type VendorLengthRule,
} from '../../../shared/domain/list';
import type { EventPayloadOf } from '../../../shared/ipc/contract';
import { useAppState } from '../../app/app-state';
import { call, IpcCallError, useEvent, errorMessage } from '../../ipc/client';
import { useI18n } from '../../i18n/i18n';
import { COUNTRIES, countryLabel } from '../../components/countries';
import { assignRole, initialMapping, parseRole, roleOf, roleValue } from './mapping-model';

const RULES: readonly VendorLengthRule[] = ['itniotech-voice', 'itniotech-ai', 'yccall', 'none'];
const ENCODINGS: readonly TextEncoding[] = ['utf-8', 'gb18030', 'utf-16le', 'utf-16be'];

type Stage =
  | { readonly kind: 'pick' }
  | { readonly kind: 'read'; readonly fileId: string; readonly inspection: FileInspection }
  | {
      readonly kind: 'importing';
      readonly fileId: string;
      readonly inspection: FileInspection;
      readonly jobId: string;
    };

function newJobId(): string {
  return crypto.randomUUID();
}

function message(error: unknown): string {
  return errorMessage(error);
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The import wizard: pick a file, choose sheet/header/columns with a preview, import with progress. */
export function ImportPanel(props: {
  onImported: (list: ListSummary) => void;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const { info } = useAppState();
  const [stage, setStage] = useState<Stage>({ kind: 'pick' });
  const [hostPath, setHostPath] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [sheet, setSheet] = useState<string | undefined>(undefined);
  const [headerRow, setHeaderRow] = useState<number | undefined>(undefined);
  const [encoding, setEncoding] = useState<TextEncoding | undefined>(undefined);
  const [preview, setPreview] = useState<FilePreview | null>(null);
  const [mapping, setMapping] = useState<MappingChoice>({ phone: null, name: null, variables: [] });
  const [country, setCountry] = useState<string>('CN');
  const [rule, setRule] = useState<VendorLengthRule>('none');
  const [name, setName] = useState('');
  const [progress, setProgress] = useState<ImportProgress | null>(null);

  const pick = async (suggestedPath?: string) => {
    setFailure(null);
    setNotice(null);
    try {
      const picked = await call('lists.pickFile', suggestedPath ? { suggestedPath } : {});
      if (!picked.fileId) return;
      const inspection = await call('lists.inspect', { fileId: picked.fileId });
      setSheet(defaultSheet(inspection.sheets)?.name);
      setHeaderRow(undefined);
      setEncoding(inspection.encoding?.detected);
      setName(inspection.fileName);
      setStage({ kind: 'read', fileId: picked.fileId, inspection });
    } catch (error) {
      setFailure(message(error));
    }
  };

  const fileId = stage.kind === 'pick' ? null : stage.fileId;
  useEffect(() => {
    if (fileId === null) return;
    let current = true;
    const load = async () => {
      try {
        const next = await call('lists.preview', {
          fileId,
          ...(sheet !== undefined ? { sheet } : {}),
          ...(headerRow !== undefined ? { headerRow } : {}),
          ...(encoding !== undefined ? { encoding } : {}),
        });
        if (!current) return;
        setPreview(next);
        setMapping(initialMapping(next.mapping));
        if (next.recipe) {
          setRule(next.recipe.rule);
          setCountry(next.recipe.defaultCountry ?? '');
        }
        setFailure(null);
      } catch (error) {
        if (current) {
          setPreview(null);
          setFailure(message(error));
        }
      }
    };
    void load();
    return () => {
      current = false;
    };
  }, [fileId, sheet, headerRow, encoding]);

  const jobId = stage.kind === 'importing' ? stage.jobId : null;
  const onProgress = useCallback(
    (event: EventPayloadOf<'lists.importProgress'>) => {
      if (event.jobId === jobId) setProgress(event.progress);
    },
    [jobId],
  );
  useEvent('lists.importProgress', onProgress);

  const start = async () => {
    if (stage.kind !== 'read' || !preview) return;
    if (mapping.phone === null) {
      setFailure(t('lists.noPhoneColumn'));
      return;
    }
    const job = newJobId();
    setStage({ kind: 'importing', fileId: stage.fileId, inspection: stage.inspection, jobId: job });
    setProgress(null);
    setFailure(null);
    try {
      const list = await call('lists.import', {
        fileId: stage.fileId,
        jobId: job,
        options: {
          sheet: preview.sheet,
          headerRow: preview.headerRow,
          ...(preview.encoding ? { encoding: preview.encoding } : {}),
          mapping,
          defaultCountry: country === '' ? null : country,
          rule,
          ...(name.trim() ? { name: name.trim().slice(0, 200) } : {}),
        },
      });
      props.onImported(list);
    } catch (error) {
      setStage({ kind: 'read', fileId: stage.fileId, inspection: stage.inspection });
      if (error instanceof IpcCallError && error.code === 'CANCELLED')
        setNotice(t('lists.cancelled'));
      else setFailure(message(error));
    }
  };

  const cancel = async () => {
    if (stage.kind === 'importing') await call('lists.cancelImport', { jobId: stage.jobId });
  };

  const saveRecipe = async () => {
    if (!preview || mapping.phone === null) return;
    try {
      await call('lists.saveRecipe', {
        name: name.trim() || preview.sheet,
        headers: preview.headers.length > 0 ? preview.headers : (preview.rows[0]?.cells ?? ['']),
        mapping: { phone: mapping.phone, name: mapping.name, variables: mapping.variables },
        defaultCountry: country === '' ? null : country,
        rule,
      });
      setNotice(t('lists.recipe.saved'));
    } catch (error) {
      setFailure(message(error));
    }
  };

  const inspection = stage.kind === 'pick' ? null : stage.inspection;
  const busy = stage.kind === 'importing';
  const total = progress?.totalBytes ?? 0;
  const percent =
    total > 0 ? Math.min(100, Math.round(((progress?.bytesRead ?? 0) / total) * 100)) : 0;

  return (
    <section className="card import-panel" aria-label={t('lists.import')}>
      <h2>{t('lists.step.file')}</h2>
      <div className="page-actions">
        <button type="button" className="primary" onClick={() => void pick()} disabled={busy}>
          {t('lists.chooseFile')}
        </button>
        {inspection && (
          <span className="muted" data-testid="picked-file">
            {inspection.fileName} · {formatBytes(inspection.sizeBytes)}
          </span>
        )}
      </div>
      {info.host === 'browser-host' && stage.kind === 'pick' && (
        <div className="form-row">
          <label htmlFor="host-path">{t('lists.hostPath')}</label>
          <span className="inline">
            <input
              id="host-path"
              value={hostPath}
              onChange={(event) => setHostPath(event.target.value)}
              spellCheck={false}
            />
            <button
              type="button"
              onClick={() => void pick(hostPath)}
              disabled={hostPath.trim() === ''}
            >
              {t('lists.hostPath.use')}
            </button>
          </span>
        </div>
      )}

      {inspection && (
        <>
          <h2>{t('lists.step.read')}</h2>
          {inspection.kind === 'xlsx' ? (
            <div className="form-row">
              <label htmlFor="import-sheet">{t('lists.sheet')}</label>
              <select
                id="import-sheet"
                value={sheet ?? ''}
                disabled={busy}
                onChange={(event) => {
                  setSheet(event.target.value);
                  setHeaderRow(undefined);
                }}
              >
                {inspection.sheets.map((candidate) => (
                  <option key={candidate.index} value={candidate.name}>
                    {t('lists.sheet.option', {
                      name: candidate.name,
                      rows: candidate.rowCount.toLocaleString(locale),
                    })}
                    {candidate.hidden ? ` (${t('lists.sheet.hidden')})` : ''}
                  </option>
                ))}
              </select>
            </div>
          ) : (
            <div className="form-row">
              <label htmlFor="import-encoding">{t('lists.file.encoding')}</label>
              <select
                id="import-encoding"
                value={encoding ?? 'utf-8'}
                disabled={busy}
                onChange={(event) => {
                  const parsed = TextEncodingSchema.safeParse(event.target.value);
                  if (parsed.success) setEncoding(parsed.data);
                }}
              >
                {ENCODINGS.map((candidate) => (
                  <option key={candidate} value={candidate}>
                    {candidate === inspection.encoding?.detected
                      ? `${candidate} — ${t(inspection.encoding.confident ? 'lists.file.encoding.detected' : 'lists.file.encoding.unsure', { encoding: candidate })}`
                      : candidate}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="form-row">
            <label htmlFor="import-header">{t('lists.headerRow')}</label>
            <span className="inline">
              <input
                id="import-header"
                type="number"
                min={0}
                className="narrow"
                value={headerRow ?? preview?.headerRow ?? 0}
                disabled={busy}
                onChange={(event) => {
                  const value = Number(event.target.value);
                  if (Number.isInteger(value) && value >= 0) setHeaderRow(value);
                }}
              />
              <span className="muted">
                {preview?.headerRow === 0
                  ? t('lists.headerRow.none')
                  : preview?.headerDetected && headerRow === undefined
                    ? t('lists.headerRow.detected')
                    : ''}
              </span>
            </span>
          </div>
          {preview?.recipe && (
            <p className="notice">{t('lists.recipe.applied', { name: preview.recipe.name })}</p>
          )}
          {preview && (
            <div className="preview-wrap">
              <table
                className="preview"
                aria-label={t('lists.preview.title', { count: preview.rows.length })}
              >
                <caption>{t('lists.preview.title', { count: preview.rows.length })}</caption>
                <thead>
                  <tr>
                    <th>{t('lists.preview.row')}</th>
                    {Array.from({ length: preview.columnCount }, (_, index) => (
                      <th key={index}>
                        <div className="column-head">{preview.headers[index] ?? ''}</div>
                        <select
                          aria-label={`${t('lists.column.role')} ${preview.headers[index] ?? index + 1}`}
                          data-column={index}
                          value={roleValue(roleOf(mapping, index))}
                          disabled={busy}
                          onChange={(event) =>
                            setMapping(assignRole(mapping, index, parseRole(event.target.value)))
                          }
                        >
                          <option value="ignore">{t('lists.role.ignore')}</option>
                          <option value="phone">{t('lists.role.phone')}</option>
                          <option value="name">{t('lists.role.name')}</option>
                          {[1, 2, 3, 4, 5].map((n) => (
                            <option key={n} value={`variable-${n}`}>
                              {t('lists.role.variable', { n })}
                            </option>
                          ))}
                        </select>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((row) => (
                    <tr key={row.rowNumber}>
                      <td className="row-number">{row.rowNumber}</td>
                      {Array.from({ length: preview.columnCount }, (_, index) => (
                        <td
                          key={index}
                          className={mapping.phone === index ? 'phone-column' : undefined}
                        >
                          {row.cells[index] ?? ''}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <div className="form-row">
            <label htmlFor="import-country">{t('lists.defaultCountry')}</label>
            <select
              id="import-country"
              value={country}
              disabled={busy}
              onChange={(event) => setCountry(event.target.value)}
            >
              <option value="">{t('lists.defaultCountry.none')}</option>
              {COUNTRIES.map((code) => (
                <option key={code} value={code}>
                  {countryLabel(code, locale)}
                </option>
              ))}
            </select>
          </div>
          <div className="form-row">
            <label htmlFor="import-rule">{t('lists.rule')}</label>
            <select
              id="import-rule"
              value={rule}
              disabled={busy}
              onChange={(event) => {
                const parsed = VendorLengthRuleSchema.safeParse(event.target.value);
                if (parsed.success) setRule(parsed.data);
              }}
            >
              {RULES.map((candidate) => (
                <option key={candidate} value={candidate}>
                  {t(`lists.rule.${candidate}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="form-row">
            <label htmlFor="import-name">{t('lists.listName')}</label>
            <input
              id="import-name"
              value={name}
              maxLength={200}
              disabled={busy}
              onChange={(event) => setName(event.target.value)}
            />
          </div>
          <h2>{t('lists.step.import')}</h2>
          {busy && (
            <div className="progress-block">
              <progress aria-label={t('lists.progress.label')} max={100} value={percent} />
              <p className="muted" data-testid="import-progress">
                {t('lists.progress', {
                  rows: (progress?.rowsRead ?? 0).toLocaleString(locale),
                  rate: Math.round(progress?.rowsPerSecond ?? 0).toLocaleString(locale),
                  percent,
                })}
              </p>
            </div>
          )}
          <div className="form-actions">
            <button
              type="button"
              className="link"
              onClick={() => void saveRecipe()}
              disabled={busy || mapping.phone === null}
            >
              {t('lists.recipe.save')}
            </button>
            {busy ? (
              <button type="button" onClick={() => void cancel()}>
                {t('lists.cancel')}
              </button>
            ) : (
              <button type="button" onClick={props.onClose}>
                {t('lists.cancel')}
              </button>
            )}
            <button
              type="button"
              className="primary"
              onClick={() => void start()}
              disabled={busy || !preview}
            >
              {t('lists.start')}
            </button>
          </div>
        </>
      )}
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {failure && (
        <p className="form-failure" role="alert">
          {failure}
        </p>
      )}
    </section>
  );
}
