import { MASK } from './scrub';

/** Forms shorter than this are not masked (they would mangle ordinary words). */
const MIN_FORM_LENGTH = 4;
/** Base64 fragments shorter than this are not masked: a short run matches ordinary text. */
const MIN_BASE64_FRAGMENT = 8;

/**
 * The forms a secret takes in text: as typed, JSON-escaped, percent-encoded, and base64 /
 * base64url (an `Authorization: Basic` header, a token, a dump of a request body).
 *
 * Base64 inside a longer encoding depends on where the secret starts relative to the 3-byte
 * groups, so each of the three alignments contributes the run of characters that comes from
 * the secret's bytes alone (the technique secret scanners use); `user:password` in a Basic
 * header is found that way too.
 */
export function secretForms(secret: string): readonly string[] {
  if (secret.length < MIN_FORM_LENGTH) return [];
  const bytes = Buffer.from(secret, 'utf8');
  // As typed, inside a JSON string (the log's lines are JSON), and in a query string.
  const forms = new Set<string>([
    secret,
    JSON.stringify(secret).slice(1, -1),
    encodeURIComponent(secret),
  ]);
  forms.add(bytes.toString('base64'));
  forms.add(bytes.toString('base64url'));
  for (let skip = 0; skip < 3; skip += 1) {
    const aligned = bytes.subarray(skip);
    // Whole 3-byte groups only: the last, partial group's characters depend on what follows.
    const whole = aligned.subarray(0, aligned.length - (aligned.length % 3));
    for (const encoding of ['base64', 'base64url'] as const) {
      const fragment = whole.toString(encoding);
      if (fragment.length >= MIN_BASE64_FRAGMENT) forms.add(fragment);
    }
  }
  return [...forms];
}

/**
 * Every form of every secret, longest first (a form that contains another is masked whole).
 */
export function formsOfSecrets(secrets: Iterable<string>): readonly string[] {
  const all = new Set<string>();
  for (const secret of secrets) for (const form of secretForms(secret)) all.add(form);
  return [...all].sort((a, b) => b.length - a.length);
}

/** Replaces every occurrence of each form with the mask (forms from `formsOfSecrets`). */
export function maskForms(text: string, forms: readonly string[]): string {
  let out = text;
  for (const form of forms) if (out.includes(form)) out = out.split(form).join(MASK);
  return out;
}
