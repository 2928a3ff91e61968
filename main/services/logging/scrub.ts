// Masks secrets in log lines. The logger calls it for every line (the one choke point), and the
// IPC dispatcher for the messages of unexpected errors, which may quote a request or a URL.

/** What a masked value is replaced with. */
export const MASK = '[secret]';

/** Registered secrets shorter than this are not masked (they would mangle ordinary words). */
const MIN_SECRET_LENGTH = 4;
/** The most registered secrets kept (a few per account; bounded so a loop cannot grow it). */
const MAX_SECRETS = 1_000;
/** Long text is cut: a log line is for reading, not for storing payloads. */
const MAX_TEXT = 2_000;
const MAX_DEPTH = 6;
const MAX_ITEMS = 50;
const MAX_KEYS = 100;

/**
 * Field names that hold secrets wherever they appear: compared in lower case without `-` and `_`.
 * `sign` is ITNIO's request signature (api/itniotech.md §1), `accesskey` Yccall's, `token` the
 * Yccall session token.
 */
const SECRET_NAME_PARTS = [
  'password',
  'passwd',
  'secret',
  'accesskey',
  'token',
  'authorization',
  'cookie',
  'credential',
  'privatekey',
];
const SECRET_NAMES_EXACT = new Set(['sign', 'signature', 'pwd', 'auth', 'proxyauthorization']);

/** True when a field of this name holds a secret. */
export function isSecretFieldName(name: string): boolean {
  const normal = name.toLowerCase().replace(/[-_]/g, '');
  return SECRET_NAMES_EXACT.has(normal) || SECRET_NAME_PARTS.some((part) => normal.includes(part));
}

// `name=value`, `name: value`, `"name":"value"` and `Authorization: Bearer value` in free text.
const SECRET_PAIR =
  /\b([A-Za-z_-]{0,40}(?:password|passwd|secret|access_?key|token|authorization|cookie|credential)[A-Za-z_-]{0,40}|sign|signature|pwd)(["']?\s*[:=]\s*)((?:Bearer|Basic|Digest)\s+)?("[^"]{0,200}"|'[^']{0,200}'|[^\s"'&,;}\]]+)/gi;
// The user-info part of a URL (`https://user:password@host`).
const URL_USER_INFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@]+@/gi;
// Long opaque runs with letters and digits: signatures (32 hex digits), tokens, keys.
const OPAQUE =
  /(?<![A-Za-z0-9_-])(?=[A-Za-z0-9_-]*\d)(?=[A-Za-z0-9_-]*[A-Za-z])[A-Za-z0-9_-]{32,}/g;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Secret values to mask wherever they appear (e.g. every secret read from the keychain). */
export class SecretValues {
  private readonly values = new Set<string>();

  /** Remembers a secret; later lines never show it. */
  add(value: string): void {
    if (value.length < MIN_SECRET_LENGTH || this.values.has(value)) return;
    if (this.values.size >= MAX_SECRETS) {
      const oldest = this.values.values().next().value;
      if (oldest !== undefined) this.values.delete(oldest);
    }
    this.values.add(value);
  }

  /** The secrets, longest first (so a secret that contains another is masked whole). */
  list(): readonly string[] {
    return [...this.values].sort((a, b) => b.length - a.length);
  }
}

/** Masks registered secrets, secret-named pairs, URL passwords and long opaque runs; cuts long text. */
export function scrubText(text: string, secrets: readonly string[] = []): string {
  let out = text.length > MAX_TEXT * 2 ? text.slice(0, MAX_TEXT * 2) : text;
  for (const secret of secrets) {
    if (out.includes(secret)) out = out.split(secret).join(MASK);
  }
  out = out
    .replace(URL_USER_INFO, `$1${MASK}@`)
    .replace(
      SECRET_PAIR,
      (_match, name: string, separator: string, scheme: string | undefined, value: string) => {
        // A quoted value keeps its quotes, so the line still reads as what it was.
        const quote = value.startsWith('"') || value.startsWith("'") ? value.charAt(0) : '';
        return `${name}${separator}${scheme ?? ''}${quote}${MASK}${quote}`;
      },
    )
    .replace(OPAQUE, (run) => (UUID.test(run) ? run : MASK));
  return out.length > MAX_TEXT ? `${out.slice(0, MAX_TEXT)}… (${out.length} characters)` : out;
}

/** A copy of log fields safe to write: secret-named fields masked, text scrubbed, size bounded. */
export function scrubFields(
  fields: Readonly<Record<string, unknown>>,
  secrets: readonly string[] = [],
): Record<string, unknown> {
  const seen = new Set<object>();
  const visit = (value: unknown, depth: number): unknown => {
    if (typeof value === 'string') return scrubText(value, secrets);
    if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
    if (typeof value === 'bigint') return value.toString();
    if (typeof value !== 'object') return value === undefined ? undefined : `[${typeof value}]`;
    if (seen.has(value)) return '[cycle]';
    if (depth >= MAX_DEPTH) return '[nested too deep]';
    seen.add(value);
    try {
      if (value instanceof Error) {
        return { name: value.name, message: scrubText(value.message, secrets) };
      }
      if (Array.isArray(value)) {
        const items = value.slice(0, MAX_ITEMS).map((item) => visit(item, depth + 1));
        if (value.length > MAX_ITEMS) items.push(`… ${value.length - MAX_ITEMS} more`);
        return items;
      }
      if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
      return visitRecord(value as Record<string, unknown>, depth);
    } finally {
      seen.delete(value);
    }
  };
  const visitRecord = (record: Record<string, unknown>, depth: number): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    let keys = 0;
    for (const [key, item] of Object.entries(record)) {
      if (++keys > MAX_KEYS) {
        out['…'] = `${Object.keys(record).length - MAX_KEYS} more fields`;
        break;
      }
      const name = scrubText(key, secrets);
      out[name] = isSecretFieldName(key) && isSecretShaped(item) ? MASK : visit(item, depth + 1);
    }
    return out;
  };
  return visitRecord(fields as Record<string, unknown>, 0);
}

/** Whether a secret-named field's value could hold a secret (`hasSecret: true` cannot). */
function isSecretShaped(value: unknown): boolean {
  return value !== null && value !== undefined && typeof value !== 'boolean';
}
