'use strict';
// Start-up of the bundled provider. Terraform starts the provider 4-5 times per command, and
// most of a cold start is V8 compiling the bundle, so this loader compiles the bundle's files
// with a V8 code cache written at build time (`*.cache` next to each file; code only, no
// keys or data). A cache V8 rejects (another Node version) is ignored, and the file compiles
// as usual.
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

const here = __dirname;
const writeCache = process.env.TF_PROVIDER_WRITE_CODE_CACHE === '1';
// For measurements: TF_PROVIDER_CODE_CACHE=off compiles as if no cache had been written.
const useCache = process.env.TF_PROVIDER_CODE_CACHE !== 'off';
const scripts = [];
const originalCompile = Module.prototype._compile;

Module.prototype._compile = function compileWithCache(content, filename) {
  if (path.dirname(filename) !== here || !filename.endsWith('.cjs')) return originalCompile.call(this, content, filename);
  const cacheFile = `${filename}.cache`;
  let cachedData;
  if (!writeCache && useCache) {
    try {
      cachedData = fs.readFileSync(cacheFile);
    } catch {
      cachedData = undefined;
    }
  }
  const script = new vm.Script(Module.wrap(content), { filename, cachedData });
  if (writeCache) scripts.push({ script, cacheFile });
  const wrapper = script.runInThisContext({ displayErrors: true });
  return wrapper.call(this.exports, this.exports, Module.createRequire(filename), this, filename, path.dirname(filename));
};

if (writeCache) {
  // Written at exit, so the cache also holds the functions the warm-up run compiled.
  process.on('exit', () => {
    for (const { script, cacheFile } of scripts) fs.writeFileSync(cacheFile, script.createCachedData());
  });
}

require('./provider.cjs');
