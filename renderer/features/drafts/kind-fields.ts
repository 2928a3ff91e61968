import { VENDOR_KINDS, type TaskKind, type VendorId } from '../../../shared/domain/task';
import type { MessageKey } from '../../i18n/en';

/** How one setting is edited. Values are stored in the draft's settings as the vendor expects. */
export type FieldSpec =
  | {
      readonly key: string;
      readonly type: 'text';
      readonly label: MessageKey;
      readonly multiline?: boolean;
    }
  | { readonly key: string; readonly type: 'int'; readonly label: MessageKey }
  | {
      readonly key: string;
      readonly type: 'choice';
      readonly label: MessageKey;
      readonly options: readonly { readonly value: string | number; readonly label: MessageKey }[];
    }
  /** A comma-separated list stored as an array of numbers (ints) or strings. */
  | {
      readonly key: string;
      readonly type: 'list';
      readonly label: MessageKey;
      readonly of: 'int' | 'text';
    };

const yesNo = [
  { value: 0, label: 'drafts.no' },
  { value: 1, label: 'drafts.yes' },
] as const;

const groupCommon: readonly FieldSpec[] = [
  { key: 'appId', type: 'text', label: 'drafts.s.appId' },
  { key: 'displayNum', type: 'text', label: 'drafts.s.displayNum' },
  { key: 'maxRingingTime', type: 'int', label: 'drafts.s.maxRingingTime' },
  { key: 'maxCalls', type: 'int', label: 'drafts.s.maxCalls' },
];

/**
 * The settings each kind of task is edited with (the rules live in main's draft validation, which
 * answers with a message per field; these are only the inputs).
 */
export const KIND_FIELDS: Readonly<Record<TaskKind, readonly FieldSpec[]>> = {
  'cc-preview': [
    {
      key: 'type',
      type: 'choice',
      label: 'drafts.s.type',
      options: [
        { value: 0, label: 'drafts.s.type.0' },
        { value: 1, label: 'drafts.s.type.1' },
      ],
    },
    { key: 'voiceGroupId', type: 'list', label: 'drafts.s.voiceGroupId', of: 'int' },
    { key: 'appId', type: 'text', label: 'drafts.s.appId' },
    { key: 'calloutRate', type: 'int', label: 'drafts.s.calloutRate' },
    { key: 'displayNum', type: 'text', label: 'drafts.s.displayNum' },
    { key: 'ccode', type: 'text', label: 'drafts.s.ccode' },
    { key: 'maxRingingTime', type: 'int', label: 'drafts.s.maxRingingTime' },
  ],
  'voice-group': [
    ...groupCommon,
    {
      key: 'source',
      type: 'choice',
      label: 'drafts.s.source',
      options: [
        { value: 1, label: 'drafts.s.source.1' },
        { value: 2, label: 'drafts.s.source.2' },
        { value: 3, label: 'drafts.s.source.3' },
      ],
    },
    { key: 'voiceFileId', type: 'text', label: 'drafts.s.voiceFileId' },
    { key: 'text', type: 'text', label: 'drafts.s.text', multiline: true },
    { key: 'lan', type: 'text', label: 'drafts.s.lan' },
    { key: 'loopCount', type: 'int', label: 'drafts.s.loopCount' },
    { key: 'hangUpSms', type: 'choice', label: 'drafts.s.hangUpSms', options: yesNo },
    { key: 'smsAppId', type: 'text', label: 'drafts.s.smsAppId' },
    { key: 'smsContent', type: 'text', label: 'drafts.s.smsContent', multiline: true },
    { key: 'senderId', type: 'text', label: 'drafts.s.senderId' },
  ],
  'ai-agent-group': [
    ...groupCommon,
    { key: 'scriptId', type: 'text', label: 'drafts.s.scriptId' },
    { key: 'calloutRate', type: 'int', label: 'drafts.s.calloutRate' },
    { key: 'enableRecording', type: 'choice', label: 'drafts.s.enableRecording', options: yesNo },
  ],
  predictive: [
    {
      key: 'assignType',
      type: 'choice',
      label: 'drafts.s.assignType',
      options: [
        { value: 'extension', label: 'drafts.s.assignType.extension' },
        { value: 'queue', label: 'drafts.s.assignType.queue' },
        { value: 'group', label: 'drafts.s.assignType.group' },
      ],
    },
    { key: 'assignAgent', type: 'text', label: 'drafts.s.assignAgent' },
    { key: 'idleAgents', type: 'int', label: 'drafts.s.idleAgents' },
    { key: 'callsPerAgent', type: 'int', label: 'drafts.s.callsPerAgent' },
    { key: 'displayNumbers', type: 'list', label: 'drafts.s.displayNumbers', of: 'text' },
    {
      key: 'callTimeVariable',
      type: 'choice',
      label: 'drafts.s.callTimeVariable',
      options: [
        { value: 1, label: 'drafts.s.callTimeVariable.1' },
        { value: 2, label: 'drafts.s.callTimeVariable.2' },
        { value: 3, label: 'drafts.s.callTimeVariable.3' },
        { value: 4, label: 'drafts.s.callTimeVariable.4' },
        { value: 5, label: 'drafts.s.callTimeVariable.5' },
      ],
    },
  ],
};

/** The kinds an account of a vendor can create. */
export function kindsOf(vendor: VendorId): readonly TaskKind[] {
  return VENDOR_KINDS[vendor];
}

/** The text shown in an input for a stored value. */
export function displayValue(spec: FieldSpec, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (spec.type === 'list') return Array.isArray(value) ? value.join(', ') : '';
  return String(value);
}

/**
 * The stored value for what was typed. Numbers that do not parse are kept as typed text, so the
 * person sees main's message about them instead of losing what they wrote.
 */
export function storedValue(spec: FieldSpec, text: string): unknown {
  const trimmed = text.trim();
  switch (spec.type) {
    case 'text':
      return text === '' ? undefined : text;
    case 'int':
      return trimmed === '' ? undefined : /^-?\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
    case 'choice': {
      const option = spec.options.find((candidate) => String(candidate.value) === text);
      return option ? option.value : undefined;
    }
    case 'list': {
      const parts = trimmed === '' ? [] : trimmed.split(/[,，\s]+/).filter(Boolean);
      return spec.of === 'int'
        ? parts.map((part) => (/^\d+$/.test(part) ? Number(part) : part))
        : parts;
    }
  }
}

/**
 * The cached picker (drafts.pickers) whose choices a setting is chosen from, or null for a
 * setting typed freely. Vendor modules name their pickers: ITNIO `applications` (the app ids its
 * display numbers and agent groups carry), `displayNumbers`, `agentGroups`, `ttsLanguages`;
 * Yccall `queues`, `extensions`, `extensionGroups` (by the chosen "connect answered calls to").
 */
export function pickerOf(key: string, settings: Readonly<Record<string, unknown>>): string | null {
  switch (key) {
    case 'appId':
      return 'applications';
    case 'displayNum':
      return 'displayNumbers';
    case 'lan':
      return 'ttsLanguages';
    case 'assignAgent': {
      const type = settings['assignType'];
      return type === 'extension' ? 'extensions' : type === 'group' ? 'extensionGroups' : 'queues';
    }
    default:
      return null;
  }
}

/** Audio settings of a voice group call that belong to one `source` (itniotech.md §5.1). */
const AUDIO_FIELD_SOURCE: Readonly<Record<string, number>> = { voiceFileId: 1, text: 3, lan: 3 };

/** False for a setting that does not apply to what is chosen (e.g. TTS text for a voice file). */
export function isShown(spec: FieldSpec, settings: Readonly<Record<string, unknown>>): boolean {
  const source = AUDIO_FIELD_SOURCE[spec.key];
  return source === undefined || settings['source'] === source;
}

/** The audio source "a new voice file" (itniotech.md §5.1 `source` 2: `uploadName` + `baseFile`). */
export const NEW_VOICE_FILE_SOURCE = 2;

/**
 * The largest voice file a draft can carry inline (`baseFile` is base64 in the draft, and a draft
 * is at most 256 KB across IPC): larger files belong in the vendor's console (source 1).
 */
export const MAX_VOICE_FILE_BYTES = 160 * 1024;

/** The audio formats the vendor takes (itniotech.md §6.5: mp3 / m4a / wav). */
export const VOICE_FILE_TYPES = ['.mp3', '.m4a', '.wav'] as const;

/** The names of the text-to-speech languages (itniotech.md §5.1 `lan`), in both languages. */
export const TTS_LANGUAGE_LABELS: Readonly<Record<string, MessageKey>> = {
  VN: 'drafts.lan.VN',
  EN: 'drafts.lan.EN',
  JP: 'drafts.lan.JP',
  ARB: 'drafts.lan.ARB',
  DE: 'drafts.lan.DE',
  IN: 'drafts.lan.IN',
  IT: 'drafts.lan.IT',
  KR: 'drafts.lan.KR',
  RU: 'drafts.lan.RU',
  ES: 'drafts.lan.ES',
  PT: 'drafts.lan.PT',
  IDN: 'drafts.lan.IDN',
  BD: 'drafts.lan.BD',
  TH: 'drafts.lan.TH',
};
