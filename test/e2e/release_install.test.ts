// `terraform init` installs the released archives (dist/release, `make release`) the ways
// pipelines do, with no Node.js on the PATH of terraform or of the provider:
//   - from a provider registry on loopback (HTTPS, throw-away CA), hostname `localhost:<port>`,
//     checking the GPG signature (a corrupted one makes init fail);
//   - from a filesystem mirror (packed layout), and from a network mirror over HTTPS whose
//     layout `terraform providers mirror` wrote;
// then runs the seed scenario (an addon on postgresql-starter-512) against the simulator with the
// installed executable, and checks the .terraform.lock.hcl (h1: and zh:) a second init accepts.

import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readSync, closeSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HEADER, PROVIDER_SOURCE, scalingoWorld, type ScalingoWorld } from './support/scalingo.js';
import { startReleaseServer, TAMPERED, throwAwayCa, releasedPlatforms, type ReleaseServer, type Tls } from './support/registry.js';
import { address, executableName, prefix, providerType, releaseDir, requireRelease, source, version } from './support/release.js';
import { resource, terraformOrSkip, type Workspace } from './support/terraform.js';

jest.setTimeout(300_000);

const terraform = terraformOrSkip('release install end-to-end tests');
const maybe = terraform ? describe : describe.skip;

let world: ScalingoWorld;
let server: ReleaseServer;
let tls: Tls;
let temp: string;
let emptyPath: string;
let mirrorDir: string;
let fsMirror: string;
const flat = (text: string) => text.replace(/\s+/g, ' ');

beforeAll(async () => {
  if (!terraform) return;
  requireRelease();
  temp = mkdtempSync(join(tmpdir(), 'tf-release-'));
  emptyPath = join(temp, 'empty-path');
  mirrorDir = join(temp, 'network-mirror');
  fsMirror = join(temp, 'filesystem-mirror');
  for (const d of [emptyPath, mirrorDir, fsMirror]) mkdirSync(d);
  tls = throwAwayCa(temp);
  server = await startReleaseServer(tls, mirrorDir, temp);
  world = await scalingoWorld(terraform, { speed: 50, rateLimitPerMinute: 100_000 });
});
afterAll(async () => {
  await server?.close();
  await world?.close();
  if (temp) rmSync(temp, { recursive: true, force: true });
});

async function newApp(): Promise<string> {
  return (await world.newApp('e2e-release')).id;
}

/** A workspace whose CLI config has only the given provider_installation methods; no node on PATH. */
function installing(methods: string): Workspace {
  const ws = world.workspace({ PATH: emptyPath, SSL_CERT_FILE: tls.caFile, TF_PLUGIN_CACHE_DIR: '' });
  writeFileSync(ws.env['TF_CLI_CONFIG_FILE']!, `disable_checkpoint = true\nprovider_installation {\n${methods}\n}\n`);
  return ws;
}

/** The seed scenario, with the provider from `from` (a source address). */
function seed(from: string, app: string): string {
  const header = HEADER.replace(`"${PROVIDER_SOURCE}"`, `"${from}"`);
  if (header === HEADER && from !== PROVIDER_SOURCE) throw new Error('HEADER no longer names PROVIDER_SOURCE');
  return `${header}resource "scalingo_addon" "db" {\n  app = "${app}"\n  provider_id = "postgresql"\n  plan = "postgresql-starter-512"\n}\n`;
}

/** The executable init unpacked, for an address (`host/ns/type`). */
function installedExecutable(ws: Workspace, addr: string): string {
  return join(ws.dir, '.terraform', 'providers', addr, version, 'linux_amd64', executableName);
}

function isElf(file: string): boolean {
  const fd = openSync(file, 'r');
  const b = Buffer.alloc(4);
  readSync(fd, b, 0, 4, 0);
  closeSync(fd);
  return b.toString('latin1') === '\x7fELF';
}

interface LockEntry {
  version: string;
  hashes: string[];
}
function lockEntry(ws: Workspace, addr: string): LockEntry {
  const text = readFileSync(join(ws.dir, '.terraform.lock.hcl'), 'utf8');
  const block = new RegExp(`provider "${addr.replace(/[.]/g, '\\.')}" \\{([\\s\\S]*?)\\n\\}`).exec(text);
  if (!block) throw new Error(`no lock entry for ${addr} in:\n${text}`);
  return { version: /version\s*=\s*"([^"]+)"/.exec(block[1]!)![1]!, hashes: [...block[1]!.matchAll(/"((?:h1|zh):[^"]+)"/g)].map((m) => m[1]!) };
}

/** zh: hashes of the released zips, as the signed SHA256SUMS lists them. */
function releasedZipHashes(): string[] {
  return readFileSync(join(releaseDir, `${prefix}_SHA256SUMS`), 'utf8')
    .trim()
    .split('\n')
    .filter((l) => l.endsWith('.zip'))
    .map((l) => `zh:${l.split(/\s+/)[0]}`);
}

async function init(ws: Workspace): Promise<void> {
  const r = await ws.run(['init', '-input=false']);
  if (r.code !== 0) throw new Error(`terraform init failed (${r.code}):\n${r.stdout}\n${r.stderr}`);
}

maybe('installing the released provider', () => {
  let registryAddr: string;
  let lock: string;

  it('from a registry at localhost:<port>: init checks the signature, installs the executable, and the seed scenario applies with no Node.js on PATH', async () => {
    registryAddr = `${server.host}/${source}`;
    const ws = installing('  direct {}');
    ws.write('main.tf', seed(registryAddr, await newApp()));
    const r = await ws.run(['init', '-input=false']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(flat(r.stdout)).toMatch(new RegExp(`Installed ${registryAddr.replace(/[.]/g, '\\.')} v${version.replace(/[.]/g, '\\.')} \\(self-signed, key ID [0-9A-F]{16}\\)`));
    expect(server.requests).toEqual(expect.arrayContaining(['/.well-known/terraform.json', `/v1/providers/${source}/versions`, `/files/${prefix}_SHA256SUMS.sig`]));
    expect(isElf(installedExecutable(ws, registryAddr))).toBe(true);

    const entry = lockEntry(ws, registryAddr);
    expect(entry.version).toBe(version);
    expect(entry.hashes.some((h) => h.startsWith('h1:'))).toBe(true);
    // Every platform of the signed SHA256SUMS, not only the one installed.
    expect(entry.hashes).toEqual(expect.arrayContaining(releasedZipHashes()));
    expect(releasedZipHashes()).toHaveLength(releasedPlatforms().length);
    lock = readFileSync(join(ws.dir, '.terraform.lock.hcl'), 'utf8');

    const apply = await ws.run(['apply', '-auto-approve', '-input=false']);
    expect(apply.stderr).toBe('');
    expect(apply.code).toBe(0);
    expect(resource(ws.state(), 'scalingo_addon.db')!.values).toMatchObject({ plan: 'postgresql-starter-512', status: 'running' });
    expect((await ws.run(['plan', '-detailed-exitcode', '-input=false'])).code).toBe(0);
  });

  it('a second init in a fresh directory accepts the lock file, and refuses an archive that does not match it', async () => {
    const again = installing('  direct {}');
    again.write('main.tf', seed(registryAddr, await newApp()));
    again.write('.terraform.lock.hcl', lock);
    await init(again);
    expect(readFileSync(join(again.dir, '.terraform.lock.hcl'), 'utf8')).toBe(lock);

    const wrong = installing('  direct {}');
    wrong.write('main.tf', seed(registryAddr, await newApp()));
    wrong.write('.terraform.lock.hcl', lock.replace(/"(h1|zh):[^"]+"/g, (_m, kind: string) => `"${kind}:${kind === 'h1' ? 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=' : '0'.repeat(64)}"`));
    const r = await wrong.run(['init', '-input=false']);
    expect(r.code).not.toBe(0);
    expect(flat(r.stderr)).toContain("doesn't match any of the checksums previously recorded in the dependency lock file");
  });

  it('a wrong signature makes init fail, installing nothing', async () => {
    const addr = `${server.host}/${TAMPERED}/${providerType}`;
    const ws = installing('  direct {}');
    ws.write('main.tf', seed(addr, await newApp()));
    const r = await ws.run(['init', '-input=false']);
    expect(r.code).not.toBe(0);
    expect(flat(r.stderr)).toContain('error checking signature: openpgp: invalid signature');
    expect(existsSync(installedExecutable(ws, addr))).toBe(false);
  });

  it('from a filesystem mirror (packed layout) under the registry address', async () => {
    const dir = join(fsMirror, address);
    mkdirSync(dir, { recursive: true });
    for (const p of releasedPlatforms()) copyFileSync(join(releaseDir, `${prefix}_${p.os}_${p.arch}.zip`), join(dir, `${prefix}_${p.os}_${p.arch}.zip`));
    const ws = installing(`  filesystem_mirror {\n    path = ${JSON.stringify(fsMirror)}\n    include = [${JSON.stringify(address)}]\n  }`);
    ws.write('main.tf', seed(PROVIDER_SOURCE, await newApp()));
    await init(ws);
    expect(isElf(installedExecutable(ws, address))).toBe(true);
    const entry = lockEntry(ws, address);
    expect(entry.hashes.some((h) => h.startsWith('h1:'))).toBe(true);
    const plan = await ws.run(['plan', '-input=false']);
    expect(plan.stderr).toBe('');
    expect(plan.stdout).toContain('1 to add, 0 to change, 0 to destroy');
  });

  it('from a network mirror over HTTPS, in the layout terraform providers mirror wrote', async () => {
    // The mirror's content, made as a pipeline makes it: `terraform providers mirror` fetches
    // from the origin registry, whose service discovery the CLI config points at loopback.
    const maker = installing('  direct {}');
    writeFileSync(maker.env['TF_CLI_CONFIG_FILE']!, `disable_checkpoint = true\nhost ${JSON.stringify(address.split('/')[0])} {\n  services = { "providers.v1" = "https://${server.host}/v1/providers/" }\n}\n`);
    maker.write('main.tf', seed(PROVIDER_SOURCE, 'app-unused'));
    const mirror = await maker.run(['providers', 'mirror', ...releasedPlatforms().map((p) => `-platform=${p.os}_${p.arch}`), mirrorDir]);
    expect(mirror.stderr).toBe('');
    expect(mirror.code).toBe(0);
    expect(JSON.parse(readFileSync(join(mirrorDir, address, 'index.json'), 'utf8'))).toEqual({ versions: { [version]: {} } });

    const ws = installing(`  network_mirror {\n    url = ${JSON.stringify(server.mirrorUrl)}\n  }`);
    ws.write('main.tf', seed(PROVIDER_SOURCE, await newApp()));
    await init(ws);
    expect(server.requests).toContain(`/mirror/${address}/index.json`);
    expect(isElf(installedExecutable(ws, address))).toBe(true);
    expect(lockEntry(ws, address).hashes.some((h) => h.startsWith('h1:'))).toBe(true);
    const apply = await ws.run(['apply', '-auto-approve', '-input=false']);
    expect(apply.stderr).toBe('');
    expect(apply.code).toBe(0);
    expect(resource(ws.state(), 'scalingo_addon.db')!.values).toMatchObject({ plan: 'postgresql-starter-512', status: 'running' });
  });
});
