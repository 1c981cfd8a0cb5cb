// Plans as users name them ("postgresql-business-1024"): lookup, suggestions, and what a
// change between two plans means for the database, following Scalingo's "Managing your
// PostgreSQL addon" page.

import type { Plan } from '../../scalingo/index.js';

export type PlanClass = 'sandbox' | 'starter' | 'business' | 'enterprise' | 'other';

export function byPosition(plans: readonly Plan[]): Plan[] {
  return [...plans].sort((a, b) => (a.position ?? 0) - (b.position ?? 0) || a.name.localeCompare(b.name));
}

export function availablePlanNames(plans: readonly Plan[]): string[] {
  return byPosition(plans.filter((p) => !p.disabled)).map((p) => p.name);
}

/** The name closest to `name` (edit distance), if reasonably close. */
export function closestPlanName(plans: readonly Plan[], name: string): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const p of plans) {
    if (p.disabled) continue;
    const d = editDistance(name, p.name);
    if (!best || d < best.distance) best = { name: p.name, distance: d };
  }
  return best && best.distance <= Math.max(3, Math.floor(name.length / 3)) ? best.name : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

export function planClass(name: string): PlanClass {
  const m = /-(sandbox|starter|business|enterprise)(?:-|$)/.exec(name);
  return (m?.[1] as PlanClass | undefined) ?? 'other';
}

/** The memory size in MB in a plan name such as "postgresql-starter-1024", if any. */
export function planSizeMb(name: string): number | undefined {
  const m = /-(\d+)$/.exec(name);
  return m ? Number(m[1]) : undefined;
}

const RANK: Record<PlanClass, number> = { sandbox: 0, starter: 1, business: 2, enterprise: 3, other: 1 };

/**
 * Whether moving from one plan to another reduces resources: a smaller size, or a lower class
 * at the same size. Unknown sizes are not called a downscale here (the disk check decides).
 */
export function isDownscale(from: string, to: string): boolean {
  const a = planSizeMb(from);
  const b = planSizeMb(to);
  if (a !== undefined && b !== undefined && a !== b) return b < a;
  return RANK[planClass(to)] < RANK[planClass(from)];
}

/** What a plan change does to a running database, per the class of the current plan. */
export function planChangeImpact(from: string, to: string): string {
  const fromClass = planClass(from);
  const lines: string[] = [];
  if (fromClass === 'business' || fromClass === 'enterprise') {
    lines.push(
      `${from} is highly available: the change only triggers a failover. Current connections are cut; depending on its driver and configuration, the application reconnects transparently or sees an interruption of about 2-5 seconds.`,
    );
  } else {
    lines.push(
      `${from} is not highly available: the database is stopped and restarted with the new plan's resources, and is unavailable while the change runs. How long depends on the size of the database, from seconds to several hours.`,
    );
  }
  lines.push('Once the change is finished, Scalingo restarts the application so that it opens new, healthy connections to the database.');
  return lines.join(' ');
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v >= 10 || i === 0 ? Math.round(v) : v.toFixed(1)} ${units[i]}`;
}
