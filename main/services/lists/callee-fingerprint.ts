import { createHash, type Hash } from 'node:crypto';

/** How many callable rows a list holds, and the SHA-256 over them in order. */
export interface CalleeFingerprint {
  readonly count: number;
  readonly sha256: string;
}

const SEP = '\u001f';
const FLUSH_CHARS = 1 << 16;

/**
 * Fingerprints a list's callable rows (valid and fixed, in list order), one line per row:
 * number, name and variables separated by U+001F, trailing empty variables left out.
 *
 * The import computes it while it writes the rows and stores it with the list; the outbox
 * (`submissions/callees.ts`) computes the same bytes from rows it reads, for lists imported
 * before the fingerprint was stored, and the submissions journal keeps it to recognise the
 * numbers later (masked-number resends).
 */
export class CalleeHasher {
  private readonly hash: Hash = createHash('sha256');
  private pending = '';
  private rows = 0;

  /** Adds one callable row. */
  add(e164: string, name: string | null, variables: readonly string[]): void {
    let last = variables.length;
    while (last > 0 && variables[last - 1] === '') last -= 1;
    let line = `${e164}${SEP}${name ?? ''}${SEP}`;
    for (let at = 0; at < last; at += 1)
      line += at === 0 ? variables[at] : `${SEP}${variables[at]}`;
    this.pending += `${line}\n`;
    this.rows += 1;
    if (this.pending.length >= FLUSH_CHARS) {
      this.hash.update(this.pending);
      this.pending = '';
    }
  }

  /** The count and hash of every row added (the hasher cannot be used after). */
  digest(): CalleeFingerprint {
    this.hash.update(this.pending);
    this.pending = '';
    return { count: this.rows, sha256: this.hash.digest('hex') };
  }
}
