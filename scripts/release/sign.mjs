// Detached binary GPG signature of the checksums file, and the armored public key that verifies
// it (what a registry serves as signing_keys). The key: GPG_KEY_ID in the keyring of GNUPGHOME
// (or gpg's default one), with GPG_PASSPHRASE when it has one. Without GPG_KEY_ID, a throw-away
// key is made in a temporary GNUPGHOME, used once and deleted: good for tests, not for a release
// anyone should trust.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * @param {{ file: string, signature: string, publicKey: string, log: (line: string) => void }} o
 * @returns {{ keyId: string, throwAway: boolean }}
 */
export function signDetached(o) {
  const configured = process.env.GPG_KEY_ID;
  const home = configured ? process.env.GNUPGHOME : mkdtempSync(join(tmpdir(), 'tfp-gpg-'));
  const gpg = (args, input) =>
    execFileSync('gpg', ['--batch', '--quiet', '--no-tty', ...(home ? ['--homedir', home] : []), ...args], {
      encoding: 'utf8',
      input,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
  try {
    let key = configured;
    if (!key) {
      gpg(['--passphrase', '', '--pinentry-mode', 'loopback', '--quick-generate-key', 'terraform-provider-scalingo throw-away release key <release@localhost.invalid>', 'rsa3072', 'sign', 'never']);
      key = fingerprintOf(gpg(['--with-colons', '--list-secret-keys']));
      o.log(`make release: GPG_KEY_ID is not set; signed with a THROW-AWAY key ${key.slice(-16)} (deleted now; set GPG_KEY_ID for a real release)`);
    }
    const passphrase = process.env.GPG_PASSPHRASE;
    const unlock = passphrase !== undefined ? ['--pinentry-mode', 'loopback', '--passphrase-fd', '0'] : [];
    rmSync(o.signature, { force: true });
    gpg([...unlock, '--local-user', key, '--detach-sign', '--output', o.signature, o.file], passphrase);
    writeFileSync(o.publicKey, gpg(['--armor', '--export', key]));
    const keyId = fingerprintOf(gpg(['--with-colons', '--list-keys', key])).slice(-16);
    return { keyId, throwAway: !configured };
  } finally {
    if (!configured && home) {
      try {
        execFileSync('gpgconf', ['--homedir', home, '--kill', 'gpg-agent'], { stdio: 'ignore' });
      } catch {
        // no agent left running
      }
      rmSync(home, { recursive: true, force: true });
    }
  }
}

/** The primary key's fingerprint from `gpg --with-colons` output. */
function fingerprintOf(colons) {
  const fpr = colons.split('\n').find((l) => l.startsWith('fpr:'));
  if (!fpr) throw new Error('gpg listed no key fingerprint');
  return fpr.split(':')[9];
}
