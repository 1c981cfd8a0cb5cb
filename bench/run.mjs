// `npm run bench`: every benchmark, one after the other, printing figures. Needs `make build`.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
if (!existsSync(`${root}dist/bundle/terraform-provider-scalingo`)) {
  console.error('Build first: make build');
  process.exit(1);
}
for (const script of ['handshake.mjs', 'refresh.mjs', 'plan_change.mjs', 'simulator.mjs', 'client.mjs']) {
  console.log(`\n## bench/${script}`);
  execFileSync(process.execPath, [`${root}bench/${script}`], { stdio: 'inherit', cwd: root });
}
