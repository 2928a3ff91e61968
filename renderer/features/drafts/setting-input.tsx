import { useState, type ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n';
import {
  displayValue,
  MAX_VOICE_FILE_BYTES,
  storedValue,
  TTS_LANGUAGE_LABELS,
  VOICE_FILE_TYPES,
  type FieldSpec,
} from './kind-fields';

/** One cached picker choice (drafts.pickers). */
export interface Choice {
  readonly value: string;
  readonly label: string;
  readonly detail?: string;
}

const OTHER = '\u0000other';

/**
 * One setting of a draft: a list of the vendor's choices when they are known (cached for
 * offline use), with "Another (type it)…" for a value that is not in it; otherwise what the
 * setting's type asks for. A value typed earlier that is not among the choices stays as typed.
 */
export function SettingInput(props: {
  spec: FieldSpec;
  value: unknown;
  choices: readonly Choice[];
  note: ReactNode;
  onChange: (value: unknown) => void;
  onTouch: () => void;
}) {
  const { t } = useI18n();
  const { spec } = props;
  const id = `draft-setting-${spec.key}`;
  const text = displayValue(spec, props.value);
  const known = props.choices.some((choice) => choice.value === text);
  /** The manager chose to type a value the list does not have. */
  const [typing, setTyping] = useState(false);
  const set = (typed: string) => props.onChange(storedValue(spec, typed));
  const choiceLabel = (choice: Choice) => {
    const named =
      spec.key === 'lan' && TTS_LANGUAGE_LABELS[choice.value]
        ? `${t(TTS_LANGUAGE_LABELS[choice.value] ?? 'drafts.choose')} (${choice.value})`
        : choice.label;
    return choice.detail ? `${named} · ${choice.detail}` : named;
  };

  let input: ReactNode;
  if (spec.type === 'choice') {
    input = (
      <select
        id={id}
        value={text}
        onChange={(event) => set(event.target.value)}
        onBlur={props.onTouch}
      >
        <option value="">{t('drafts.choose')}</option>
        {spec.options.map((option) => (
          <option key={String(option.value)} value={String(option.value)}>
            {t(option.label)}
          </option>
        ))}
      </select>
    );
  } else if (props.choices.length > 0 && !typing && spec.type !== 'list') {
    input = (
      <select
        id={id}
        value={text}
        onChange={(event) => {
          if (event.target.value === OTHER) {
            setTyping(true);
            return;
          }
          set(event.target.value);
        }}
        onBlur={props.onTouch}
      >
        <option value="">{t('drafts.choose')}</option>
        {props.choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choiceLabel(choice)}
          </option>
        ))}
        {text !== '' && !known && (
          <option value={text}>{t('drafts.picker.current', { value: text })}</option>
        )}
        <option value={OTHER}>{t('drafts.picker.other')}</option>
      </select>
    );
  } else if (spec.type === 'text' && spec.multiline) {
    input = (
      <textarea
        id={id}
        value={text}
        rows={3}
        onChange={(event) => set(event.target.value)}
        onBlur={props.onTouch}
      />
    );
  } else {
    const listId = props.choices.length > 0 ? `${id}-choices` : undefined;
    input = (
      <>
        <input
          id={id}
          value={text}
          list={listId}
          inputMode={spec.type === 'int' ? 'numeric' : undefined}
          onChange={(event) => set(event.target.value)}
          onBlur={props.onTouch}
        />
        {/* A list setting (several values) keeps the choices as suggestions. */}
        {listId && (
          <datalist id={listId}>
            {props.choices.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choiceLabel(choice)}
              </option>
            ))}
          </datalist>
        )}
        {typing && props.choices.length > 0 && spec.type !== 'list' && (
          <button type="button" className="link" onClick={() => setTyping(false)}>
            {t('drafts.picker.list')}
          </button>
        )}
      </>
    );
  }
  return (
    <div className="form-row">
      <label htmlFor={id}>{t(spec.label)}</label>
      {input}
      {props.note}
    </div>
  );
}

/** Reads a file as base64 (without the `data:` prefix). */
function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsDataURL(file);
  });
}

/**
 * "A new voice file" (itniotech.md §5.1 source 2): the file goes to the vendor inside the create
 * request (`uploadName` + `baseFile`, base64), so it is kept in the draft until it is sent. Only
 * small files fit in a draft; the field says so instead of failing later.
 */
export function VoiceFileInput(props: {
  uploadName: unknown;
  baseFile: unknown;
  note: ReactNode;
  onChange: (file: { uploadName: string; baseFile: string } | null) => void;
  onTouch: () => void;
}) {
  const { t, locale } = useI18n();
  const [problem, setProblem] = useState<string | null>(null);
  const maxKb = Math.floor(MAX_VOICE_FILE_BYTES / 1024);
  const attached =
    typeof props.uploadName === 'string' && typeof props.baseFile === 'string'
      ? { name: props.uploadName, kb: Math.ceil((props.baseFile.length * 3) / 4 / 1024) }
      : null;

  const pick = async (file: File | undefined) => {
    props.onTouch();
    setProblem(null);
    if (!file) return;
    const lower = file.name.toLowerCase();
    if (!VOICE_FILE_TYPES.some((suffix) => lower.endsWith(suffix))) {
      setProblem(t('drafts.upload.type'));
      return;
    }
    if (file.size > MAX_VOICE_FILE_BYTES) {
      setProblem(
        t('drafts.upload.tooBig', {
          size: Math.ceil(file.size / 1024).toLocaleString(locale),
          max: maxKb,
        }),
      );
      return;
    }
    try {
      props.onChange({ uploadName: file.name, baseFile: await base64Of(file) });
    } catch {
      setProblem(t('drafts.upload.unreadable'));
    }
  };

  return (
    <div className="form-row">
      <label htmlFor="draft-setting-voiceFile">
        {t('drafts.s.voiceFile', { max: maxKb.toLocaleString(locale) })}
      </label>
      <input
        id="draft-setting-voiceFile"
        type="file"
        accept={VOICE_FILE_TYPES.join(',')}
        onChange={(event) => void pick(event.target.files?.[0])}
      />
      {attached && (
        <p className="muted" data-testid="voice-file">
          {t('drafts.upload.attached', {
            name: attached.name,
            size: attached.kb.toLocaleString(locale),
          })}{' '}
          <button type="button" className="link" onClick={() => props.onChange(null)}>
            {t('drafts.upload.remove')}
          </button>
        </p>
      )}
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : (
        props.note
      )}
    </div>
  );
}
