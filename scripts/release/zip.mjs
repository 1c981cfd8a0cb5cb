// A zip archive of one executable, as Terraform's installer unpacks it: deflated, with Unix
// permissions (so the executable stays executable) and a fixed timestamp, so that the same
// executable always gives the same archive (and the same zh: hash).
import { writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { crc32, deflateRaw } from 'node:zlib';

const deflate = promisify(deflateRaw);

// 1980-01-01 00:00, the first instant a zip (MS-DOS) timestamp can hold.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/**
 * @param {string} file the archive to write
 * @param {{ name: string, data: Buffer, mode: number }} entry
 * @param {number} level deflate level (1 fastest … 9 smallest)
 */
export async function writeZip(file, entry, level) {
  const name = Buffer.from(entry.name, 'utf8');
  const packed = await deflate(entry.data, { level });
  const crc = crc32(entry.data);
  const common = (b, at) => {
    b.writeUInt16LE(20, at); // version needed to extract: 2.0 (deflate)
    b.writeUInt16LE(0x0800, at + 2); // flags: the name is UTF-8
    b.writeUInt16LE(8, at + 4); // method: deflate
    b.writeUInt16LE(DOS_TIME, at + 6);
    b.writeUInt16LE(DOS_DATE, at + 8);
    b.writeUInt32LE(crc, at + 10);
    b.writeUInt32LE(packed.length, at + 14);
    b.writeUInt32LE(entry.data.length, at + 18);
    b.writeUInt16LE(name.length, at + 22);
    b.writeUInt16LE(0, at + 24); // extra field length
  };
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  common(local, 4);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE((3 << 8) | 20, 4); // made by: Unix, so the external attributes carry the mode
  common(central, 6);
  central.writeUInt16LE(0, 32); // comment length
  central.writeUInt16LE(0, 34); // disk number
  central.writeUInt16LE(0, 36); // internal attributes
  central.writeUInt32LE(((0o100000 | entry.mode) << 16) >>> 0, 38); // regular file, mode
  central.writeUInt32LE(0, 42); // offset of the local header
  const centralOffset = local.length + name.length + packed.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8); // entries on this disk
  end.writeUInt16LE(1, 10); // entries in all
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  await writeFile(file, Buffer.concat([local, name, packed, central, name, end]));
}
