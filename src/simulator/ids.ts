// Identifier and secret generators. Deterministic ids (plans, versions) stay stable across
// restarts and state files; random ones mimic Scalingo's formats.
import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** 24 lowercase hex characters, like Scalingo's app and plan ids. */
export function randomHex24(): string {
  return randomBytes(12).toString('hex');
}

/** A stable 24-hex id derived from a name, so catalogue ids never change. */
export function stableHex24(name: string): string {
  return createHash('sha256').update(`scalingo-simulator:${name}`).digest('hex').slice(0, 24);
}

/** Addon ids look like `ad-<uuid>` on the real platform. */
export function addonId(): string {
  return `ad-${randomUUID()}`;
}

export function uuid(): string {
  return randomUUID();
}

const PASSWORD_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_';

/** A generated password: letters, digits and underscores only, so it fits in any URL. */
export function generatePassword(length = 64): string {
  const bytes = randomBytes(length * 2);
  let out = '';
  for (let i = 0; out.length < length && i < bytes.length; i++) {
    // 256 = 4 * 64: every byte maps uniformly onto the 63-character alphabet after rejection.
    const b = bytes[i]! & 63;
    if (b < PASSWORD_ALPHABET.length) out += PASSWORD_ALPHABET[b];
  }
  while (out.length < length) out += PASSWORD_ALPHABET[randomBytes(1)[0]! % PASSWORD_ALPHABET.length];
  return out;
}

/** An API token like `tk-us-…`. */
export function apiToken(): string {
  return `tk-us-${randomBytes(24).toString('base64url').replace(/[-_]/g, 'x')}`;
}

/** The /_sim admin API's bearer token, unlike any Scalingo token. */
export function adminToken(): string {
  return `sim-admin-${randomBytes(24).toString('hex')}`;
}

/** Four random digits, used in resource ids such as `my_app_4553`. */
export function fourDigits(): string {
  return String(1000 + (randomBytes(2).readUInt16BE(0) % 9000));
}
