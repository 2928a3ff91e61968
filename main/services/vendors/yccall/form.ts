import { randomUUID } from 'node:crypto';

// Yccall takes form fields (yccall.md §1). The docs' PHP examples hand an array to cURL, which
// sends multipart/form-data; urlencoded is not mentioned, so multipart is the default and
// urlencoded is an option for servers where testing shows it works.

/** The form encodings a Yccall server may accept. */
export type FormEncoding = 'multipart' | 'urlencoded';

/** One form body, ready for HttpSend. */
export interface EncodedForm {
  readonly contentType: string;
  readonly body: Uint8Array;
}

/** Form fields; values are sent as text. */
export type FormFields = Readonly<Record<string, string | number>>;

const encoder = new TextEncoder();

/** Encodes fields as multipart/form-data (RFC 7578) or application/x-www-form-urlencoded. */
export function encodeForm(fields: FormFields, encoding: FormEncoding = 'multipart'): EncodedForm {
  if (encoding === 'urlencoded') {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(fields)) params.append(name, String(value));
    return {
      contentType: 'application/x-www-form-urlencoded; charset=utf-8',
      body: encoder.encode(params.toString()),
    };
  }
  const boundary = `----CampaignDesk${randomUUID().replaceAll('-', '')}`;
  const parts: string[] = [];
  for (const [name, value] of Object.entries(fields)) {
    // Field names are ours (ASCII); values are JSON or digits, which never contain the boundary.
    parts.push(
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${String(value)}\r\n`,
    );
  }
  parts.push(`--${boundary}--\r\n`);
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    body: encoder.encode(parts.join('')),
  };
}
