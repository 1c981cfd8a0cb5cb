'use strict';
// Entry point of the self-contained executable (a Node.js single executable application).
// The bundle's files (provider.cjs, the process layer, and core.cjs, required lazily) are
// assets of the executable, each with a V8 code cache made at build time by the same Node.js
// binary for the same CPU (see scripts/release/sea.mjs). Only built-in modules can be required
// inside an executable; the bundle requires nothing else but its own files.
//
// Outside an executable, with TF_PROVIDER_SEA_BUNDLE=<dir>, the same loader runs the files of
// <dir>: that is how the build writes the code caches (TF_PROVIDER_WRITE_CODE_CACHE=1, into
// TF_PROVIDER_SEA_CACHE_DIR) with the target's node. TF_PROVIDER_SEA_CHECK=1 compiles every
// file with its cache, prints which caches V8 accepted as JSON, and exits.
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

const sea = (() => {
  try {
    const s = require('node:sea');
    return s.isSea() ? s : undefined;
  } catch {
    return undefined;
  }
})();
const builtinRequire = require;

const source = sea
  ? {
      names: () => JSON.parse(sea.getAsset('files.json', 'utf8')),
      text: (name) => sea.getAsset(name, 'utf8'),
      cache: (name) => {
        try {
          return Buffer.from(sea.getAsset(`${name}.cache`));
        } catch {
          return undefined;
        }
      },
    }
  : fileSource(process.env.TF_PROVIDER_SEA_BUNDLE);

function fileSource(dir) {
  if (!dir) throw new Error('not inside a single executable: set TF_PROVIDER_SEA_BUNDLE to the bundle directory');
  const fs = require('node:fs');
  return {
    names: () => fs.readdirSync(dir).filter((f) => f.endsWith('.cjs') && f !== 'launcher.cjs'),
    text: (name) => fs.readFileSync(path.join(dir, name), 'utf8'),
    cache: () => undefined,
  };
}

const writeCacheDir = process.env.TF_PROVIDER_WRITE_CODE_CACHE === '1' ? process.env.TF_PROVIDER_SEA_CACHE_DIR : undefined;
const base = path.dirname(process.execPath);
const loaded = new Map();
const compiled = [];

function compile(name) {
  const script = new vm.Script(Module.wrap(source.text(name)), { filename: path.join(base, name), cachedData: writeCacheDir ? undefined : source.cache(name) });
  compiled.push({ name, script });
  return script;
}

function load(name) {
  const done = loaded.get(name);
  if (done) return done.exports;
  const module = { exports: {}, id: name, loaded: false };
  loaded.set(name, module);
  const wrapper = compile(name).runInThisContext({ displayErrors: true });
  wrapper.call(module.exports, module.exports, requireFrom, module, path.join(base, name), base);
  module.loaded = true;
  return module.exports;
}

function requireFrom(id) {
  if (id.startsWith('./')) return load(id.slice(2));
  return builtinRequire(id);
}

if (process.env.TF_PROVIDER_SEA_CHECK === '1') {
  const report = {};
  for (const name of source.names()) {
    const cachedData = source.cache(name);
    const script = new vm.Script(Module.wrap(source.text(name)), { filename: name, cachedData });
    report[name] = cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'accepted';
  }
  process.stdout.write(`${JSON.stringify({ arch: process.arch, node: process.version, codeCache: report })}\n`);
} else {
  if (writeCacheDir) {
    // Written at exit, so that the caches hold the functions a real start-up compiled too. A
    // file the warm-up did not load gets the cache of its compilation alone.
    process.on('exit', () => {
      const fs = require('node:fs');
      for (const name of source.names()) if (!loaded.has(name)) compile(name);
      for (const { name, script } of compiled) fs.writeFileSync(path.join(writeCacheDir, `${name}.cache`), script.createCachedData());
    });
  }
  load('provider.cjs');
}
