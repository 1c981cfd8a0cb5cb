// `make release`: the registry's layout of a provider release in dist/release/ —
//   terraform-provider-<type>_<version>_<os>_<arch>.zip   one self-contained executable each,
//                                                        named terraform-provider-<type>_v<version>
//   terraform-provider-<type>_<version>_manifest.json     the plugin protocol the provider speaks
//   terraform-provider-<type>_<version>_SHA256SUMS        every zip and the manifest
//   terraform-provider-<type>_<version>_SHA256SUMS.sig    detached binary GPG signature of it
//   terraform-provider-<type>_<version>_signing_key.asc   armored public key for that signature
// from the bundle `make build` wrote (dist/bundle). The unpacked executables stay in dist/sea/.
// RELEASE_ZIP_LEVEL sets the deflate level (default 4: within 3% of the smallest, 2× faster).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PLATFORMS } from './release/platforms.mjs';
import { buildSea } from './release/sea.mjs';
import { signDetached } from './release/sign.mjs';
import { writeZip } from './release/zip.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const type = pkg.terraformProvider.type;
const version = pkg.version;
const name = `terraform-provider-${type}`;
const prefix = `${name}_${version}`;
const outDir = join(root, 'dist', 'release');
const level = Number(process.env.RELEASE_ZIP_LEVEL ?? 4);
const log = (line) => process.stderr.write(`${line}\n`);
const started = performance.now();

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

// Each platform once; the foreign one runs under qemu while the native one builds and zips.
const zips = await Promise.all(
  PLATFORMS.map(async (platform) => {
    const osArch = `${platform.os}_${platform.arch}`;
    const executable = await buildSea({
      platform,
      bundleDir: join(root, 'dist', 'bundle'),
      workDir: join(root, 'dist', 'sea-work', osArch),
      executable: join(root, 'dist', 'sea', osArch, `${name}_v${version}`),
    });
    const zip = join(outDir, `${prefix}_${osArch}.zip`);
    await writeZip(zip, { name: basename(executable), data: readFileSync(executable), mode: 0o755 }, level);
    return zip;
  }),
);
rmSync(join(root, 'dist', 'sea-work'), { recursive: true, force: true });

const manifest = join(outDir, `${prefix}_manifest.json`);
writeFileSync(manifest, `${JSON.stringify({ version: 1, metadata: { protocol_versions: ['6.0'] } })}\n`);

const sums = join(outDir, `${prefix}_SHA256SUMS`);
const sha256 = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');
writeFileSync(sums, [...zips, manifest].map((f) => `${sha256(f)}  ${basename(f)}\n`).join(''));

const { keyId } = signDetached({ file: sums, signature: `${sums}.sig`, publicKey: join(outDir, `${prefix}_signing_key.asc`), log });

log(`make release: ${name} ${version} in ${((performance.now() - started) / 1000).toFixed(1)} s, signed by ${keyId}:`);
for (const f of [...zips, manifest, sums, `${sums}.sig`]) log(`  dist/release/${basename(f)}`);
