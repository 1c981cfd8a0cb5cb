// Generate src/provider/generated/package.ts (git-ignored) from package.json: the provider's
// version and registry address are defined there once, and compiled into the provider.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** package.json's version and `terraformProvider` ({ hostname, namespace, type }). */
export function packageInfo() {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const { hostname, namespace, type } = pkg.terraformProvider ?? {};
  for (const [k, v] of Object.entries({ version: pkg.version, hostname, namespace, type })) {
    if (typeof v !== 'string' || !v) throw new Error(`package.json: missing ${k === 'version' ? 'version' : `terraformProvider.${k}`}`);
  }
  return { version: pkg.version, hostname, namespace, type };
}

export function writePackageInfo() {
  const { version, hostname, namespace, type } = packageInfo();
  const outDir = join(root, 'src', 'provider', 'generated');
  mkdirSync(outDir, { recursive: true });
  const text = [
    '// Generated from package.json by scripts/build-package-info.mjs: do not edit.',
    `export const PACKAGE_VERSION = ${JSON.stringify(version)};`,
    `export const TERRAFORM_PROVIDER = { hostname: ${JSON.stringify(hostname)}, namespace: ${JSON.stringify(namespace)}, type: ${JSON.stringify(type)} } as const;`,
    '',
  ].join('\n');
  const file = join(outDir, 'package.ts');
  let old = '';
  try {
    old = readFileSync(file, 'utf8');
  } catch {
    old = '';
  }
  if (old !== text) writeFileSync(file, text);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) writePackageInfo();
