// Reads the form bodies a PhalApi server accepts: multipart/form-data (what the docs' cURL
// examples send) and application/x-www-form-urlencoded. Written apart from the client's encoder
// on purpose, so the simulator checks the client instead of agreeing with it by construction.

/** Form fields by name (the last value wins, as in PHP's $_POST). */
export type FormValues = ReadonlyMap<string, string>;

/** Parses a request body by its content type; null when it is neither form encoding. */
export function parseFormBody(contentType: string | undefined, body: Buffer): FormValues | null {
  const type = (contentType ?? '').toLowerCase();
  if (type.startsWith('application/x-www-form-urlencoded')) {
    return new Map(new URLSearchParams(body.toString('utf8')));
  }
  if (type.startsWith('multipart/form-data')) {
    const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
    const boundary = match?.[1] ?? match?.[2];
    return boundary ? parseMultipart(body, boundary) : null;
  }
  return null;
}

function parseMultipart(body: Buffer, boundary: string): FormValues | null {
  const values = new Map<string, string>();
  const delimiter = Buffer.from(`--${boundary}`);
  let position = body.indexOf(delimiter);
  if (position < 0) return null;
  for (;;) {
    position += delimiter.length;
    // "--" right after a delimiter closes the body.
    if (body[position] === 0x2d && body[position + 1] === 0x2d) break;
    const headerEnd = body.indexOf('\r\n\r\n', position);
    if (headerEnd < 0) return null;
    const next = body.indexOf(delimiter, headerEnd + 4);
    if (next < 0) return null;
    const headers = body.toString('utf8', position, headerEnd);
    const name = /name="([^"]*)"/i.exec(headers)?.[1];
    // The value ends with the CRLF that precedes the next delimiter.
    const valueEnd = body[next - 2] === 0x0d && body[next - 1] === 0x0a ? next - 2 : next;
    if (name !== undefined) values.set(name, body.toString('utf8', headerEnd + 4, valueEnd));
    position = next;
  }
  return values;
}
