// Database versions, as Scalingo's page describes upgrades: first the latest minor of the
// current major, then one major at a time, never down. Pure: parsing, comparing, the state's
// form of a version, and what a path costs. Walking and running the path is upgrade.ts.

import { formatBytes, planClass } from './plans.js';

/** A version as users write it: a major ("16") or a full version ("16.15.0-1"). */
export type VersionTarget = { kind: 'major'; major: number } | { kind: 'exact'; parts: [number, number, number, number] };

export function parseTarget(text: string): VersionTarget | undefined {
  if (/^\d+$/.test(text)) return { kind: 'major', major: Number(text) };
  const parts = parseVersion(text);
  return parts ? { kind: 'exact', parts } : undefined;
}

export function parseVersion(text: string): [number, number, number, number] | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)-(\d+)$/.exec(text);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])] : undefined;
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Whether the database's version (readable form) meets the target. */
export function satisfies(readable: string, target: VersionTarget): boolean {
  const v = parseVersion(readable);
  if (!v) return false;
  return target.kind === 'major' ? v[0] === target.major : compare(v, target.parts) === 0;
}

/** Whether reaching the target would need going down. */
export function isDowngrade(readable: string, target: VersionTarget): boolean {
  const v = parseVersion(readable);
  if (!v) return false;
  return target.kind === 'major' ? target.major < v[0] : compare(target.parts, v) < 0;
}

/**
 * The state value for a remote version: the user's form when it still describes the database
 * (normalisation), the remote version otherwise (drift).
 */
export function versionForState(previous: string | null, readable: string): string {
  if (previous !== null) {
    const target = parseTarget(previous);
    if (target && satisfies(readable, target)) return previous;
  }
  return readable;
}

export interface UpgradeStep {
  readonly from: string;
  readonly to: string;
  readonly major: boolean;
}

/** What each step costs in downtime, per the page: Starter stops the node, Business only for majors. */
export function describeUpgrade(steps: readonly UpgradeStep[], planName: string, dataSize: number | undefined): string {
  const cls = planClass(planName);
  const highlyAvailable = cls === 'business' || cls === 'enterprise';
  const lines = [`Upgrade path (latest minor of the current major first, then one major at a time): ${[steps[0]!.from, ...steps.map((s) => s.to)].join(' -> ')}.`];
  const majors = steps.filter((s) => s.major).length;
  if (highlyAvailable) {
    lines.push('On a Business plan, minor upgrades happen without downtime.');
    if (majors > 0) lines.push(`Each of the ${majors} major upgrade(s) stops the whole cluster: the database is unreachable during pg_upgrade.`);
  } else {
    lines.push(`On ${planName} (not highly available) every step stops the node: expect downtime at each of the ${steps.length} step(s).`);
  }
  if (majors > 0) {
    const estimate = dataSize !== undefined ? ` With ${formatBytes(dataSize)} of data, expect about ${Math.max(1, Math.ceil(dataSize / (10 * 1024 ** 3)))} minute(s) per major upgrade.` : '';
    lines.push(`Scalingo's pessimistic estimate for pg_upgrade is 1 minute per 10 GiB of data.${estimate}`);
  }
  lines.push('The application is restarted after each upgrade. No downgrade is possible once the database has been upgraded.');
  return lines.join(' ');
}
