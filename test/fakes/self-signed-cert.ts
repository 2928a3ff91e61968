import { generateKeyPairSync, sign, X509Certificate } from 'node:crypto';

/**
 * A throwaway self-signed TLS certificate for loopback tests, made in memory (Node can sign
 * but not build certificates, so the few DER structures an X.509 v3 certificate needs are
 * written here; RFC 5280 §4.1). Nothing is read from or written to disk.
 */
export interface TestCertificate {
  /** PEM certificate: give it to the server, and to the client as its only trusted CA. */
  readonly cert: string;
  /** PEM PKCS#8 private key of the server. */
  readonly key: string;
}

function length(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let rest = n; rest > 0; rest >>= 8) bytes.unshift(rest & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function tlv(tag: number, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  return Buffer.concat([Buffer.from([tag]), length(body.length), body]);
}

const sequence = (...items: Buffer[]) => tlv(0x30, ...items);
const set = (...items: Buffer[]) => tlv(0x31, ...items);

function integer(bytes: Buffer): Buffer {
  // DER integers are signed: a leading 1 bit needs a zero byte in front.
  return tlv(0x02, (bytes[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes);
}

function oid(dotted: string): Buffer {
  const [first = 0, second = 0, ...rest] = dotted.split('.').map(Number);
  const bytes = [40 * first + second];
  for (const arc of rest) {
    const base128 = [arc & 0x7f];
    for (let value = arc >> 7; value > 0; value >>= 7) base128.unshift(0x80 | (value & 0x7f));
    bytes.push(...base128);
  }
  return tlv(0x06, Buffer.from(bytes));
}

function utcTime(date: Date): Buffer {
  const iso = date.toISOString();
  const text = `${iso.slice(2, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
  return tlv(0x17, Buffer.from(text, 'ascii'));
}

const commonName = (name: string) =>
  sequence(set(sequence(oid('2.5.4.3'), tlv(0x0c, Buffer.from(name, 'utf8')))));

function ipBytes(address: string): Buffer | null {
  const parts = address.split('.').map(Number);
  return parts.length === 4 && parts.every((part) => part >= 0 && part <= 255)
    ? Buffer.from(parts)
    : null;
}

/** Makes a P-256 certificate for the given host names (and IPv4 addresses), valid for a day. */
export function selfSignedCertificate(hosts: readonly string[]): TestCertificate {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const ecdsaWithSha256 = sequence(oid('1.2.840.10045.4.3.2'));
  const names = hosts.map((host) => {
    const ip = ipBytes(host);
    // GeneralName: [2] dNSName or [7] iPAddress, implicitly tagged.
    return ip ? tlv(0x87, ip) : tlv(0x82, Buffer.from(host, 'ascii'));
  });
  const extensions = tlv(
    0xa3,
    sequence(
      // basicConstraints: CA, so the client may trust this very certificate as its root.
      sequence(
        oid('2.5.29.19'),
        tlv(0x01, Buffer.from([0xff])),
        tlv(0x04, sequence(tlv(0x01, Buffer.from([0xff])))),
      ),
      // subjectAltName: the names TLS checks the server against.
      sequence(oid('2.5.29.17'), tlv(0x04, sequence(...names))),
    ),
  );
  const now = Date.now();
  const tbs = sequence(
    tlv(0xa0, integer(Buffer.from([2]))),
    integer(Buffer.from(now.toString(16).padStart(12, '0'), 'hex')),
    ecdsaWithSha256,
    commonName(hosts[0] ?? 'localhost'),
    sequence(utcTime(new Date(now - 60_000)), utcTime(new Date(now + 86_400_000))),
    commonName(hosts[0] ?? 'localhost'),
    publicKey.export({ type: 'spki', format: 'der' }),
    extensions,
  );
  const signature = sign('sha256', tbs, privateKey);
  const der = sequence(tbs, ecdsaWithSha256, tlv(0x03, Buffer.from([0]), signature));
  const base64 = der.toString('base64').replace(/(.{64})/g, '$1\n');
  const cert = `-----BEGIN CERTIFICATE-----\n${base64.trimEnd()}\n-----END CERTIFICATE-----\n`;
  // Parsing it back fails loudly here rather than as a TLS error in a test.
  new X509Certificate(cert);
  return { cert, key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
}
