// Terraform plans every change twice in one `terraform apply`: in the plan walk, then once
// more just before applying it (in the apply walk), and shows the warnings of both. The two
// walks run in two provider processes, children of the same terraform process. This memo, one
// small file per terraform process (keyed by its PID and, where /proc tells it, its start time,
// so a later process that reuses the PID is another run) in a private temporary directory, tells
// the second plan of the same change (same resource type, prior state and configuration) that
// it is a re-plan: its warnings were shown already, and work done only to explain can be skipped.
// Only hashes are written (no values, no secrets); files older than two days are removed.

import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CtyNumber, isUnknown, type ValueObject } from '../../cty/value.js';

const MAX_AGE_MS = 2 * 24 * 3_600_000;

export interface PlanMemo {
  /** Whether this change was planned already by this terraform run; remembers it if not. */
  planned(typeName: string, prior: ValueObject | null, config: ValueObject | null): boolean;
}

/** The memo of the terraform process that started this provider. */
export class TerraformRunMemo implements PlanMemo {
  private readonly file: string;

  constructor(
    private readonly dir: string = join(tmpdir(), `terraform-provider-scalingo-${process.getuid?.() ?? 'user'}`),
    run: string | number = terraformRun(),
  ) {
    this.file = join(dir, `plans-${run}`);
  }

  planned(typeName: string, prior: ValueObject | null, config: ValueObject | null): boolean {
    const key = createHash('sha256').update(stableJson([typeName, prior, config])).digest('hex');
    try {
      if (this.read().includes(key)) return true;
      const fresh = this.read() === '';
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      appendFileSync(this.file, `${key}\n`, { mode: 0o600 });
      if (fresh) this.sweep();
    } catch {
      // A memo that cannot be read or written only means warnings may be shown twice.
    }
    return false;
  }

  private read(): string {
    try {
      return readFileSync(this.file, 'utf8');
    } catch {
      return '';
    }
  }

  private sweep(): void {
    const now = Date.now();
    for (const name of readdirSync(this.dir)) {
      const path = join(this.dir, name);
      if (path !== this.file && name.startsWith('plans-') && now - statSync(path).mtimeMs > MAX_AGE_MS) unlinkSync(path);
    }
  }
}

/**
 * The terraform process that started this provider: its PID and, on Linux, its start time in
 * clock ticks since boot (field 22 of /proc/<pid>/stat, read after the command name, which may
 * hold spaces and parentheses). A PID alone would be taken again by a later run.
 */
export function terraformRun(parent: number = process.ppid, readStat: (path: string) => string = (p) => readFileSync(p, 'utf8')): string {
  try {
    const stat = readStat(`/proc/${parent}/stat`);
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const started = fields[19];
    if (started !== undefined && /^\d+$/.test(started)) return `${parent}-${started}`;
  } catch {
    // No /proc (macOS): the PID alone.
  }
  return String(parent);
}

/** JSON with unknowns and exact numbers spelled out, so equal values give equal text. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (isUnknown(v)) return { '~unknown': true };
    if (v instanceof CtyNumber) return { '~number': v.toString() };
    if (typeof v === 'bigint') return { '~number': v.toString() };
    if (v instanceof Uint8Array) return { '~bytes': Buffer.from(v).toString('base64') };
    return v;
  });
}
