// The release `make release` wrote: dist/release/ (the registry's layout) and the unpacked
// self-contained executables in dist/sea/<os>_<arch>/, plus how to run a foreign-CPU one here.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './fixture_provider.js';

interface PackageJson {
  version: string;
  terraformProvider: { hostname: string; namespace: string; type: string };
}
const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as PackageJson;

export const version = pkg.version;
export const providerType = pkg.terraformProvider.type;
export const namespace = pkg.terraformProvider.namespace;
/** What required_providers says (`<namespace>/<type>`) and the fully qualified address. */
export const source = `${namespace}/${providerType}`;
export const address = `${pkg.terraformProvider.hostname}/${source}`;

export const releaseDir = join(projectRoot, 'dist', 'release');
export const prefix = `terraform-provider-${providerType}_${version}`;
export const executableName = `terraform-provider-${providerType}_v${version}`;

export interface Platform {
  os: string;
  arch: string;
  nodeArch: string;
}
interface PlatformsModule {
  PLATFORMS: Platform[];
  runnerFor: (p: Platform) => string[];
}

export async function platforms(): Promise<PlatformsModule> {
  return (await import(join(projectRoot, 'scripts', 'release', 'platforms.mjs'))) as PlatformsModule;
}

export function executable(p: Platform): string {
  return join(projectRoot, 'dist', 'sea', `${p.os}_${p.arch}`, executableName);
}

export function requireRelease(): void {
  const sums = join(releaseDir, `${prefix}_SHA256SUMS`);
  if (!existsSync(sums)) throw new Error(`${sums} is missing: run \`make release\` first`);
}
