// Static catalogues: addon providers, their plans, and database type versions. Ids are
// derived from names so they are stable across restarts.
import { stableHex24 } from './ids.js';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

export type PlanClass = 'sandbox' | 'starter' | 'business';

export interface PlanSpec {
  id: string;
  providerId: string;
  name: string;
  displayName: string;
  planClass: PlanClass;
  position: number;
  sku: string;
  price: number;
  description: string;
  onDemand: boolean;
  disabled: boolean;
  disabledAlternativePlanName: string | null;
  toBeDiscontinued: boolean;
  hdsAvailable: boolean;
  /** Memory in bytes. */
  memory: number;
  /** Disk quota in bytes. */
  disk: number;
}

export interface ProviderSpec {
  id: string;
  name: string;
  logoUrl: string;
  shortDescription: string;
  description: string;
  category: { id: string; name: string; description: string; position: number };
  providerName: string;
  providerUrl: string;
  hdsAvailable: boolean;
  /** Database type served by the database API for this provider. */
  databaseType: 'postgresql' | 'redis';
  /** Name prefix of the app variable, e.g. SCALINGO_POSTGRESQL. */
  variablePrefix: string;
}

const DATABASES_CATEGORY = {
  id: stableHex24('category:databases'),
  name: 'Databases',
  description: 'Managed databases',
  position: 1,
};

export const PROVIDERS: readonly ProviderSpec[] = [
  {
    id: 'postgresql',
    name: 'PostgreSQL',
    logoUrl: '//cdn.scalingo.com/addons/Scalingo_Postgresql.svg',
    shortDescription: 'PostgreSQL database',
    description: 'Scalingo for PostgreSQL®, a managed PostgreSQL database (simulated).',
    category: DATABASES_CATEGORY,
    providerName: 'Scalingo',
    providerUrl: 'https://scalingo.com',
    hdsAvailable: true,
    databaseType: 'postgresql',
    variablePrefix: 'SCALINGO_POSTGRESQL',
  },
  {
    id: 'redis',
    name: 'Redis',
    logoUrl: '//cdn.scalingo.com/addons/Scalingo_Redis.svg',
    shortDescription: 'Redis database',
    description: 'Scalingo for Redis®, a managed Redis database (simulated).',
    category: DATABASES_CATEGORY,
    providerName: 'Scalingo',
    providerUrl: 'https://scalingo.com',
    hdsAvailable: false,
    databaseType: 'redis',
    variablePrefix: 'SCALINGO_REDIS',
  },
];

interface PlanSeed {
  name: string;
  displayName: string;
  planClass: PlanClass;
  position: number;
  sku: string;
  price: number;
  memory: number;
  disk: number;
  onDemand?: boolean;
  disabled?: boolean;
  alternative?: string;
  toBeDiscontinued?: boolean;
}

function pgSeeds(): PlanSeed[] {
  const seeds: PlanSeed[] = [
    { name: 'postgresql-sandbox', displayName: 'Sandbox', planClass: 'sandbox', position: 1, sku: 'fr1-pg-sandbox', price: 0, memory: 128 * MiB, disk: 512 * MiB },
  ];
  const sizes = [512, 1024, 2048, 4096, 8192];
  sizes.forEach((mb, i) => {
    const label = mb >= 1024 ? `${mb / 1024}G` : `${mb}M`;
    const disk = (mb / 512) * 10 * GiB;
    seeds.push({ name: `postgresql-starter-${mb}`, displayName: `Starter ${label}`, planClass: 'starter', position: 10 + i, sku: `fr1-pg-start-${mb}m`, price: 7.2 * (mb / 512), memory: mb * MiB, disk });
  });
  sizes.forEach((mb, i) => {
    const label = mb >= 1024 ? `${mb / 1024}G` : `${mb}M`;
    const disk = (mb / 512) * 10 * GiB;
    seeds.push({ name: `postgresql-business-${mb}`, displayName: `Business ${label}`, planClass: 'business', position: 20 + i, sku: `fr1-pg-busi-${mb}m`, price: 18 * (mb / 512), memory: mb * MiB, disk });
  });
  // The catalogue's special cases, one of each.
  for (const s of seeds) {
    if (s.name === 'postgresql-starter-8192') {
      s.disabled = true;
      s.alternative = 'postgresql-business-8192';
    }
    if (s.name === 'postgresql-starter-4096') s.toBeDiscontinued = true;
    if (s.name === 'postgresql-business-4096') s.onDemand = true;
  }
  return seeds;
}

function redisSeeds(): PlanSeed[] {
  const seeds: PlanSeed[] = [
    { name: 'redis-sandbox', displayName: 'Sandbox', planClass: 'sandbox', position: 1, sku: 'osc-fr1-redis-sandbox', price: 0, memory: 64 * MiB, disk: 256 * MiB },
  ];
  [256, 512].forEach((mb, i) => {
    seeds.push({ name: `redis-starter-${mb}`, displayName: `Starter ${mb}M`, planClass: 'starter', position: 10 + i, sku: `osc-fr1-redis-start-${mb}m`, price: 7.2 * (mb / 256), memory: mb * MiB, disk: 4 * mb * MiB });
  });
  [256, 512].forEach((mb, i) => {
    seeds.push({ name: `redis-business-${mb}`, displayName: `Business ${mb}M`, planClass: 'business', position: 20 + i, sku: `osc-fr1-redis-busi-${mb}m`, price: 18 * (mb / 256), memory: mb * MiB, disk: 4 * mb * MiB });
  });
  return seeds;
}

function toPlan(providerId: string, s: PlanSeed): PlanSpec {
  return {
    id: stableHex24(`plan:${s.name}`),
    providerId,
    name: s.name,
    displayName: s.displayName,
    planClass: s.planClass,
    position: s.position,
    sku: s.sku,
    price: Math.round(s.price * 100) / 100,
    description: `${s.displayName}: ${Math.round(s.memory / MiB)} MiB of memory, ${Math.round(s.disk / MiB)} MiB of disk (simulated).`,
    onDemand: s.onDemand ?? false,
    disabled: s.disabled ?? false,
    disabledAlternativePlanName: s.alternative ?? null,
    toBeDiscontinued: s.toBeDiscontinued ?? false,
    hdsAvailable: s.planClass === 'business',
    memory: s.memory,
    disk: s.disk,
  };
}

export const PLANS: readonly PlanSpec[] = [
  ...pgSeeds().map((s) => toPlan('postgresql', s)),
  ...redisSeeds().map((s) => toPlan('redis', s)),
];

export function findProvider(id: string): ProviderSpec | undefined {
  return PROVIDERS.find((p) => p.id === id);
}

export function findPlanById(id: string): PlanSpec | undefined {
  return PLANS.find((p) => p.id === id);
}

export function findPlanByName(name: string): PlanSpec | undefined {
  return PLANS.find((p) => p.name === name);
}

export function plansOf(providerId: string): PlanSpec[] {
  return PLANS.filter((p) => p.providerId === providerId).sort((a, b) => a.position - b.position);
}

/** The plan's disabled alternative, as an id (the API's `disabled_alternative_plan_id`). */
export function alternativePlanId(plan: PlanSpec): string | null {
  return plan.disabledAlternativePlanName ? (findPlanByName(plan.disabledAlternativePlanName)?.id ?? null) : null;
}

// --- database type versions ---------------------------------------------------------------

export interface VersionSpec {
  id: string;
  databaseType: 'postgresql' | 'redis';
  databaseTypeId: string;
  major: number;
  minor: number;
  patch: number;
  build: number;
}

export const POSTGRESQL_EXTENSIONS: readonly string[] = [
  'anon', 'btree_gin', 'btree_gist', 'citext', 'cube', 'dblink', 'dict_int', 'earthdistance', 'fuzzystrmatch',
  'hstore', 'intarray', 'isn', 'ltree', 'pg_repack', 'pg_stat_statements', 'pg_trgm', 'pgcrypto', 'pgrowlocks',
  'postgis', 'postgis_raster', 'postgis_sfcgal', 'postgis_tiger_geocoder', 'postgis_topology', 'postgres_fdw',
  'tablefunc', 'timescaledb', 'unaccent', 'uuid-ossp', 'vector',
];

export function databaseTypeId(type: 'postgresql' | 'redis'): string {
  return stableHex24(`database_type:${type}`);
}

function version(type: 'postgresql' | 'redis', readable: string): VersionSpec {
  const m = /^(\d+)\.(\d+)\.(\d+)-(\d+)$/.exec(readable);
  if (!m) throw new Error(`bad version ${readable}`);
  return {
    id: stableHex24(`version:${type}:${readable}`),
    databaseType: type,
    databaseTypeId: databaseTypeId(type),
    major: Number(m[1]),
    minor: Number(m[2]),
    patch: Number(m[3]),
    build: Number(m[4]),
  };
}

export const VERSIONS: readonly VersionSpec[] = [
  ...['14.22.0-1', '14.24.0-1', '15.17.0-1', '15.19.0-1', '16.13.0-1', '16.15.0-1', '17.9.0-2', '17.11.0-1'].map((v) => version('postgresql', v)),
  ...['7.2.4-1', '7.2.5-1'].map((v) => version('redis', v)),
];

export function readableVersion(v: VersionSpec): string {
  return `${v.major}.${v.minor}.${v.patch}-${v.build}`;
}

function compareVersions(a: VersionSpec, b: VersionSpec): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch || a.build - b.build;
}

export function findVersionById(id: string): VersionSpec | undefined {
  return VERSIONS.find((v) => v.id === id);
}

export function findVersionByReadable(type: string, readable: string): VersionSpec | undefined {
  return VERSIONS.find((v) => v.databaseType === type && readableVersion(v) === readable);
}

function versionsOf(type: string): VersionSpec[] {
  return VERSIONS.filter((v) => v.databaseType === type).sort(compareVersions);
}

function latestOfMajor(type: string, major: number): VersionSpec | undefined {
  return versionsOf(type).filter((v) => v.major === major).pop();
}

/** The newest version of a type: the default for new databases. */
export function defaultVersion(type: 'postgresql' | 'redis'): VersionSpec {
  const all = versionsOf(type);
  return all[all.length - 1]!;
}

/** A major ("16") or a full readable version, as accepted in `options.version`. */
export function resolveRequestedVersion(type: string, requested: string): VersionSpec | undefined {
  if (/^\d+$/.test(requested)) return latestOfMajor(type, Number(requested));
  return findVersionByReadable(type, requested);
}

/**
 * The upgrade target, following Scalingo's rule: first the latest minor of the current major,
 * then the latest minor of the next major, one major at a time; none at the top.
 */
export function nextVersion(current: VersionSpec): VersionSpec | null {
  const latestSameMajor = latestOfMajor(current.databaseType, current.major);
  if (latestSameMajor && compareVersions(latestSameMajor, current) > 0) return latestSameMajor;
  const higherMajors = versionsOf(current.databaseType).filter((v) => v.major > current.major);
  if (higherMajors.length === 0) return null;
  return latestOfMajor(current.databaseType, higherMajors[0]!.major) ?? null;
}

export { MiB, GiB };
