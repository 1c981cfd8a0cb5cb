// AutoMTLS server certificate: a fresh ECDSA P-256 key and a self-signed X.509 certificate
// for DNS "localhost", made at every start (never cached on disk: the key must not outlive
// the process).
//
// Why not a certificate library: @peculiar/x509 measured 32 ms to load plus 16 ms to sign
// here, more than the whole start-up budget, and Terraform starts the provider 4-5 times per
// command. Node's crypto makes the key and the signature; this module only lays out the DER
// of one fixed certificate template, and tests check the result with Node's X509Certificate,
// openssl, and the real terraform binary.

import { generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';

export interface ServerCertificate {
  /** DER bytes of the certificate (what the handshake line carries, base64 without padding). */
  readonly der: Buffer;
  readonly certPem: string;
  readonly keyPem: string;
}

// ---- minimal DER encoding (definite lengths only, which is all a certificate needs) ----

function tlv(tag: number, body: Buffer): Buffer {
  const len = body.length;
  let header: Buffer;
  if (len < 0x80) header = Buffer.from([tag, len]);
  else if (len < 0x100) header = Buffer.from([tag, 0x81, len]);
  else header = Buffer.from([tag, 0x82, len >> 8, len & 0xff]);
  return Buffer.concat([header, body]);
}

const seq = (...items: Buffer[]): Buffer => tlv(0x30, Buffer.concat(items));
const set = (...items: Buffer[]): Buffer => tlv(0x31, Buffer.concat(items));
const octets = (body: Buffer): Buffer => tlv(0x04, body);
const bitString = (body: Buffer): Buffer => tlv(0x03, Buffer.concat([Buffer.from([0]), body]));
const utf8 = (text: string): Buffer => tlv(0x0c, Buffer.from(text, 'utf8'));
const bool = (value: boolean): Buffer => tlv(0x01, Buffer.from([value ? 0xff : 0]));
const explicit = (n: number, body: Buffer): Buffer => tlv(0xa0 + n, body);

function integer(bytes: Buffer): Buffer {
  let b = bytes;
  while (b.length > 1 && b[0] === 0 && (b[1]! & 0x80) === 0) b = b.subarray(1);
  if ((b[0]! & 0x80) !== 0) b = Buffer.concat([Buffer.from([0]), b]);
  return tlv(0x02, b);
}

function oid(dotted: string): Buffer {
  const parts = dotted.split('.').map(Number);
  const out = [40 * parts[0]! + parts[1]!];
  for (const p of parts.slice(2)) {
    const chunk = [p & 0x7f];
    for (let v = p >>> 7; v > 0; v >>>= 7) chunk.unshift((v & 0x7f) | 0x80);
    out.push(...chunk);
  }
  return tlv(0x06, Buffer.from(out));
}

function utcTime(date: Date): Buffer {
  const p = (n: number) => String(n).padStart(2, '0');
  const text = `${p(date.getUTCFullYear() % 100)}${p(date.getUTCMonth() + 1)}${p(date.getUTCDate())}${p(date.getUTCHours())}${p(date.getUTCMinutes())}${p(date.getUTCSeconds())}Z`;
  return tlv(0x17, Buffer.from(text, 'ascii'));
}

const OID = {
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  subjectAltName: '2.5.29.17',
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
};

function extension(id: string, critical: boolean, value: Buffer): Buffer {
  return critical ? seq(oid(id), bool(true), octets(value)) : seq(oid(id), octets(value));
}

/** Build and self-sign the certificate for `publicKeyDer` (SPKI) with `privateKey`. */
export function selfSignedCertificate(publicKeyDer: Buffer, privateKey: KeyObject, now: Date = new Date()): Buffer {
  const name = seq(set(seq(oid(OID.organization), utf8('terraform-provider-scalingo'))), set(seq(oid(OID.commonName), utf8('localhost'))));
  const algorithm = seq(oid(OID.ecdsaWithSha256));
  const serial = randomBytes(16);
  serial[0] = serial[0]! & 0x7f;
  // Mirrors go-plugin's own certificates: a CA (the client pins it as its only root), usable
  // for both ends of TLS, valid for DNS "localhost" (Go ignores the common name).
  const keyUsage = bitString(Buffer.from([0b10101100])); // digitalSignature, keyEncipherment, keyAgreement, keyCertSign
  const extensions = seq(
    extension(OID.keyUsage, true, keyUsage),
    extension(OID.extKeyUsage, false, seq(oid(OID.serverAuth), oid(OID.clientAuth))),
    extension(OID.basicConstraints, true, seq(bool(true))),
    extension(OID.subjectAltName, false, seq(tlv(0x82, Buffer.from('localhost', 'ascii')))),
  );
  const tbs = seq(
    explicit(0, integer(Buffer.from([2]))),
    integer(serial),
    algorithm,
    name,
    seq(utcTime(new Date(now.getTime() - 30_000)), utcTime(new Date(now.getTime() + 365 * 24 * 3600_000))),
    name,
    publicKeyDer,
    explicit(3, extensions),
  );
  const signature = sign('sha256', tbs, privateKey); // DER-encoded ECDSA signature
  return seq(tbs, algorithm, bitString(signature));
}

export function generateServerCertificate(): ServerCertificate {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const der = selfSignedCertificate(publicKey.export({ type: 'spki', format: 'der' }), privateKey);
  const certPem = `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/.{64}/g, '$&\n').replace(/\n?$/, '\n')}-----END CERTIFICATE-----\n`;
  const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return { der, certPem, keyPem };
}

/** Handshake form: standard base64 without '=' padding (Go's RawStdEncoding). */
export function certificateForHandshake(der: Buffer): string {
  return der.toString('base64').replace(/=+$/, '');
}

