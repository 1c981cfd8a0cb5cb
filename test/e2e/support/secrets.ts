// Secret scans for end-to-end tests: which of the secrets a test knows appear (as written or
// percent-encoded) in a text, a file, or the members of a zip archive such as a saved plan.

import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

/** The secrets (or their URL-encoded forms) found in the text, by name. */
export function leakedSecrets(text: string, secrets: Record<string, string>): string[] {
  return Object.entries(secrets)
    .filter(([, value]) => value.length >= 6 && (text.includes(value) || text.includes(encodeURIComponent(value))))
    .map(([name]) => name);
}

/** Every member of a zip archive, uncompressed (stored or deflated), read from its central directory. */
export function zipMembers(archive: Buffer): Map<string, Buffer> {
  const members = new Map<string, Buffer>();
  let end = archive.length - 22;
  while (end >= 0 && archive.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a zip archive');
  const count = archive.readUInt16LE(end + 10);
  let at = archive.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    if (archive.readUInt32LE(at) !== 0x02014b50) throw new Error('bad zip central directory');
    const method = archive.readUInt16LE(at + 10);
    const compressedSize = archive.readUInt32LE(at + 20);
    const nameLength = archive.readUInt16LE(at + 28);
    const extraLength = archive.readUInt16LE(at + 30);
    const commentLength = archive.readUInt16LE(at + 32);
    const localHeader = archive.readUInt32LE(at + 42);
    const name = archive.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const dataStart = localHeader + 30 + archive.readUInt16LE(localHeader + 26) + archive.readUInt16LE(localHeader + 28);
    const data = archive.subarray(dataStart, dataStart + compressedSize);
    members.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return members;
}

/** A saved plan file as one text: the content of all its members. */
export function planFileText(path: string): string {
  return [...zipMembers(readFileSync(path)).entries()].map(([name, data]) => `== ${name}\n${data.toString('latin1')}`).join('\n');
}
