// Generate static protobuf code (and TypeScript declarations) from proto/*.proto into
// src/protocol/generated/ and src/plugin/generated/ (git-ignored). Two modules: the small go-plugin/health one the
// process needs before its handshake, and tfplugin6, loaded after it. Static code loads
// faster than parsing .proto files at start-up, and gives the wire layer real types.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const modules = [
  { name: 'tfplugin6', layer: 'protocol', root: 'tfplugin6', protos: ['tfplugin6.proto'] },
  { name: 'plugin', layer: 'plugin', root: 'goplugin', protos: ['plugin.proto', 'health.proto'] },
];

for (const m of modules) {
  const outDir = join(root, 'src', m.layer, 'generated');
  const js = join(outDir, `${m.name}.js`);
  const dts = join(outDir, `${m.name}.d.ts`);
  const protos = m.protos.map((f) => join(root, 'proto', f));
  const stale = !existsSync(js) || !existsSync(dts) || protos.some((p) => statSync(p).mtimeMs > statSync(js).mtimeMs);
  if (stale) {
    mkdirSync(outDir, { recursive: true });
    execFileSync(
      bin('pbjs'),
      ['-t', 'static-module', '-w', 'es6', '-r', m.root, '--no-verify', '--no-delimited', '--no-convert', '--no-service', '--no-comments', '--force-number', '-o', js, ...protos],
      { stdio: 'inherit' },
    );
    // Declarations need the comments; generate them from a commented copy.
    const tmp = join(outDir, `.${m.name}.commented.js`);
    execFileSync(bin('pbjs'), ['-t', 'static-module', '-w', 'es6', '-r', m.root, '--no-verify', '--no-delimited', '--no-convert', '--no-service', '--force-number', '-o', tmp, ...protos], { stdio: 'inherit' });
    execFileSync(bin('pbts'), ['-o', dts, tmp], { stdio: 'inherit' });
  }
  // tsc does not copy .js sources: put the module where the compiled code imports it.
  if (process.argv.includes('--copy')) {
    const distDir = join(root, 'dist', m.layer, 'generated');
    mkdirSync(distDir, { recursive: true });
    copyFileSync(js, join(distDir, `${m.name}.js`));
  }
}
