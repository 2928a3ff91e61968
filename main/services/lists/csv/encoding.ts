import type { TextEncoding } from '../../../../shared/domain/list';

/** The encoding found for a text file. */
export interface DetectedEncoding {
  readonly detected: TextEncoding;
  /** Bytes of byte-order mark to skip. */
  readonly bomLength: number;
  /** False when the guess rests on a short or ambiguous sample. */
  readonly confident: boolean;
}

function validUtf8(sample: Uint8Array): boolean {
  // Drop a character cut at the end of the sample before checking.
  let end = sample.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const byte = sample[end - back] ?? 0;
    if ((byte & 0xc0) === 0xc0) {
      end -= back;
      break;
    }
    if ((byte & 0x80) === 0) break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/**
 * Detects the encoding of a CSV/TXT file from its first bytes: a byte-order mark (UTF-8, UTF-16),
 * UTF-16 without one (zero bytes in every other position), valid UTF-8, and otherwise GB18030 —
 * what Excel writes for "CSV" on Chinese Windows (GBK is a subset of GB18030).
 */
export function detectEncoding(sample: Uint8Array): DetectedEncoding {
  const [a, b, c] = sample;
  if (a === 0xef && b === 0xbb && c === 0xbf) {
    return { detected: 'utf-8', bomLength: 3, confident: true };
  }
  if (a === 0xff && b === 0xfe) return { detected: 'utf-16le', bomLength: 2, confident: true };
  if (a === 0xfe && b === 0xff) return { detected: 'utf-16be', bomLength: 2, confident: true };
  const pairs = Math.min(sample.length >> 1, 2048);
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (sample[i] === 0) zeroEven++;
    if (sample[i + 1] === 0) zeroOdd++;
  }
  if (pairs >= 2 && zeroOdd > pairs * 0.3 && zeroEven < pairs * 0.05) {
    return { detected: 'utf-16le', bomLength: 0, confident: zeroOdd > pairs * 0.6 };
  }
  if (pairs >= 2 && zeroEven > pairs * 0.3 && zeroOdd < pairs * 0.05) {
    return { detected: 'utf-16be', bomLength: 0, confident: zeroEven > pairs * 0.6 };
  }
  const ascii = sample.every((byte) => byte < 0x80);
  if (validUtf8(sample))
    return { detected: 'utf-8', bomLength: 0, confident: !ascii || sample.length > 0 };
  return { detected: 'gb18030', bomLength: 0, confident: false };
}

/** The byte-order mark length of `encoding` at the start of `sample` (0 when absent). */
export function bomLength(sample: Uint8Array, encoding: TextEncoding): number {
  const [a, b, c] = sample;
  if (encoding === 'utf-8') return a === 0xef && b === 0xbb && c === 0xbf ? 3 : 0;
  if (encoding === 'utf-16le') return a === 0xff && b === 0xfe ? 2 : 0;
  if (encoding === 'utf-16be') return a === 0xfe && b === 0xff ? 2 : 0;
  return 0;
}

/** True when the sample looks like binary data rather than text in `encoding`. */
export function looksBinary(sample: Uint8Array, encoding: TextEncoding): boolean {
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return false;
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 9 || (byte > 13 && byte < 32)) control++;
  }
  return control > sample.length * 0.05;
}
