// State file: JSON written atomically (temp file, fsync, rename) after every mutation, and read
// at start-up, so a crash or a restart loses nothing.
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { isRecord } from './http.js';
import { adminToken } from './ids.js';
import type { SimState } from './state.js';

export function loadState(file: string): SimState | null {
  if (!existsSync(file)) return null;
  const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!isRecord(raw) || raw.formatVersion !== 1) throw new Error(`${file}: not a simulator state file (formatVersion 1)`);
  for (const key of ['apps', 'addons', 'operations', 'downtimes'] as const) {
    if (!Array.isArray(raw[key])) throw new Error(`${file}: "${key}" must be an array`);
  }
  if (typeof raw.apiToken !== 'string' || !isRecord(raw.clock) || !Array.isArray(raw.clock.segments)) {
    throw new Error(`${file}: missing apiToken or clock`);
  }
  // State files written before the admin API had a token get one now (saved on the next write).
  if (raw.adminToken === undefined) raw.adminToken = adminToken();
  else if (typeof raw.adminToken !== 'string') throw new Error(`${file}: "adminToken" must be a string`);
  const state = raw as unknown as SimState;
  // Files written before backups and maintenances existed.
  for (const addon of state.addons) {
    const db = addon.database;
    db.backups ??= [];
    db.maintenances ??= [];
    db.failNextBackup ??= false;
    db.periodicBackupsUntilV ??= db.readyAtV;
  }
  return state;
}

export function saveState(file: string, state: SimState): void {
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, JSON.stringify(state));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}
