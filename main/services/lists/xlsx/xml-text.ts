const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g;
const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

function fromCodePoint(code: number): string {
  return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD';
}

/** Decodes XML character and entity references. */
export function decodeXmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (_match, body: string) => {
    switch (body) {
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'amp':
        return '&';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default:
        return body.startsWith('#x')
          ? fromCodePoint(Number.parseInt(body.slice(2), 16))
          : fromCodePoint(Number.parseInt(body.slice(1), 10));
    }
  });
}

/**
 * Decodes the `_xHHHH_` escapes of ECMA-376 Part 1 §22.9.2.19 (ST_Xstring): Excel writes control
 * characters (and a literal `_x` sequence, as `_x005F_x…`) this way in strings.
 */
export function decodeOoxmlEscapes(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(OOXML_ESCAPE, (_match, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  );
}

/** Text of an XML text node as the workbook meant it. */
export function decodeCellText(raw: string): string {
  return decodeOoxmlEscapes(decodeXmlEntities(raw));
}

/** The value of attribute `name` in a start tag's text, or null. */
export function attribute(tag: string, name: string): string | null {
  let from = 0;
  for (;;) {
    const at = tag.indexOf(name, from);
    if (at < 0) return null;
    const before = tag.charCodeAt(at - 1);
    const eq = at + name.length;
    // The name must stand alone (preceded by whitespace, followed by `=`).
    if ((before === 32 || before === 9 || before === 10 || before === 13) && tag[eq] === '=') {
      const quote = tag[eq + 1];
      if (quote === '"' || quote === "'") {
        const close = tag.indexOf(quote, eq + 2);
        if (close < 0) return null;
        return decodeXmlEntities(tag.slice(eq + 2, close));
      }
    }
    from = at + name.length;
  }
}

/**
 * The text of a string item (`<si>` or `<is>` content): plain `<t>`, or rich-text runs `<r><t>`
 * joined, with phonetic runs (`<rPh>`, furigana) left out (ECMA-376 §18.4.6).
 */
export function stringItemText(xml: string): string {
  let body = xml;
  if (body.includes('<rPh')) body = body.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let out = '';
  let from = 0;
  for (;;) {
    const open = body.indexOf('<t', from);
    if (open < 0) break;
    const next = body.charCodeAt(open + 2);
    // `<t>` or `<t xml:space=...>`, not `<tab>` or similar.
    if (next !== 62 && next !== 32 && next !== 47) {
      from = open + 2;
      continue;
    }
    const end = body.indexOf('>', open);
    if (end < 0) break;
    if (body[end - 1] === '/') {
      from = end + 1;
      continue;
    }
    const close = body.indexOf('</t>', end);
    if (close < 0) break;
    out += body.slice(end + 1, close);
    from = close + 4;
  }
  return decodeCellText(out);
}
