// cty: Terraform's value and type system, with the msgpack and JSON codecs of the plugin
// protocol. Knows nothing about RPCs or schemas.
export * from './types.js';
export * from './value.js';
export * from './msgpack.js';
export * from './json.js';
