// What pipelines install providers from, on loopback for the install tests: one HTTPS server
// (a throw-away CA, given to terraform through SSL_CERT_FILE) that is
//   - a provider registry (registry protocol: service discovery, versions, download) serving the
//     files of dist/release/, under its own hostname `localhost:<port>`;
//   - a network mirror (/mirror/: the layout `terraform providers mirror` writes) of any directory.
// Under the namespace TAMPERED it serves the same release with a corrupted signature.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join, normalize, sep } from 'node:path';
import { namespace, prefix, providerType, releaseDir, version } from './release.js';

export const TAMPERED = 'tampered-signature';

export interface Tls {
  caFile: string;
  certPem: string;
  keyPem: string;
}

/** A CA made for this test run and a certificate for localhost / 127.0.0.1 it signed (openssl). */
export function throwAwayCa(dir: string): Tls {
  const f = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl('req', '-x509', ...ec, '-keyout', f('ca.key'), '-out', f('ca.pem'), '-days', '2', '-subj', '/CN=terraform-provider-scalingo test CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign');
  openssl('req', ...ec, '-keyout', f('server.key'), '-out', f('server.csr'), '-subj', '/CN=localhost');
  writeFileSync(f('server.ext'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  openssl('x509', '-req', '-in', f('server.csr'), '-CA', f('ca.pem'), '-CAkey', f('ca.key'), '-set_serial', '1', '-days', '2', '-extfile', f('server.ext'), '-out', f('server.pem'));
  return { caFile: f('ca.pem'), certPem: readFileSync(f('server.pem'), 'utf8'), keyPem: readFileSync(f('server.key'), 'utf8') };
}

export interface ReleaseServer {
  /** `localhost:<port>`: the registry's hostname, as a provider source address carries it. */
  host: string;
  /** Base URL of the network mirror. */
  mirrorUrl: string;
  /** Paths requested so far. */
  requests: string[];
  close(): Promise<void>;
}

/** The release's platforms (from its zips' names), e.g. [{os:'linux',arch:'amd64'}]. */
export function releasedPlatforms(): { os: string; arch: string }[] {
  const re = new RegExp(`^${prefix}_([a-z0-9]+)_([a-z0-9]+)\\.zip$`);
  return readdirSync(releaseDir)
    .map((f) => re.exec(f))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ os: m[1]!, arch: m[2]! }));
}

/** The key ID and armored key of the release's signing key (gpg reads the exported key). */
function signingKey(gnupgHome: string): { keyId: string; armor: string } {
  const file = join(releaseDir, `${prefix}_signing_key.asc`);
  const colons = execFileSync('gpg', ['--batch', '--homedir', gnupgHome, '--with-colons', '--show-keys', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const pub = colons.split('\n').find((l) => l.startsWith('pub:'));
  if (!pub) throw new Error(`${file}: no public key`);
  return { keyId: pub.split(':')[4]!, armor: readFileSync(file, 'utf8') };
}

/** dir: a directory of the test's own (gpg's home while it reads the key, and the CA). */
export async function startReleaseServer(tls: Tls, mirrorDir: string, dir: string): Promise<ReleaseServer> {
  const gnupgHome = join(dir, 'gnupg');
  mkdirSync(gnupgHome, { mode: 0o700 });
  const key = signingKey(gnupgHome);
  const requests: string[] = [];
  const sums = `${prefix}_SHA256SUMS`;
  const platforms = releasedPlatforms();
  let host = '';
  const json = (body: unknown) => ({ type: 'application/json', body: Buffer.from(JSON.stringify(body)) });
  const file = (dir: string, rel: string) => {
    const path = normalize(join(dir, decodeURIComponent(rel)));
    if (!path.startsWith(dir + sep)) return undefined;
    try {
      return { type: path.endsWith('.json') ? 'application/json' : 'application/octet-stream', body: readFileSync(path) };
    } catch {
      return undefined;
    }
  };
  const route = (path: string): { type: string; body: Buffer } | undefined => {
    if (path === '/.well-known/terraform.json') return json({ 'providers.v1': '/v1/providers/' });
    if (path.startsWith('/mirror/')) return file(mirrorDir, path.slice('/mirror/'.length));
    if (path.startsWith('/files/')) return file(releaseDir, path.slice('/files/'.length));
    if (path === `/tampered/${sums}.sig`) {
      const sig = Buffer.from(readFileSync(join(releaseDir, `${sums}.sig`)));
      sig[sig.length - 8] ^= 0xff;
      return { type: 'application/octet-stream', body: sig };
    }
    const m = /^\/v1\/providers\/([^/]+)\/([^/]+)\/(?:(versions)|([^/]+)\/download\/([^/]+)\/([^/]+))$/.exec(path);
    if (!m || (m[1] !== namespace && m[1] !== TAMPERED) || m[2] !== providerType) return undefined;
    if (m[3]) return json({ versions: [{ version, protocols: ['6.0'], platforms }] });
    const [, ns, , , v, os, arch] = m;
    if (v !== version || !platforms.some((p) => p.os === os && p.arch === arch)) return undefined;
    const filename = `${prefix}_${os}_${arch}.zip`;
    return json({
      protocols: ['6.0'],
      os,
      arch,
      filename,
      download_url: `https://${host}/files/${filename}`,
      shasums_url: `https://${host}/files/${sums}`,
      shasums_signature_url: ns === TAMPERED ? `https://${host}/tampered/${sums}.sig` : `https://${host}/files/${sums}.sig`,
      shasum: createHash('sha256').update(readFileSync(join(releaseDir, filename))).digest('hex'),
      signing_keys: { gpg_public_keys: [{ key_id: key.keyId, ascii_armor: key.armor, trust_signature: '', source: 'terraform-provider-scalingo tests', source_url: '' }] },
    });
  };
  const server: Server = createServer({ cert: tls.certPem, key: tls.keyPem }, (req, res) => {
    const path = new URL(req.url ?? '/', 'https://localhost').pathname;
    requests.push(path);
    const found = req.method === 'GET' ? route(path) : undefined;
    if (!found) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"errors":["not found"]}');
      return;
    }
    res.writeHead(200, { 'content-type': found.type, 'content-length': found.body.length }).end(found.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  host = `localhost:${(server.address() as AddressInfo).port}`;
  return {
    host,
    mirrorUrl: `https://${host}/mirror/`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
