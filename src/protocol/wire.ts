// The tfplugin6 messages, generated from proto/tfplugin6.proto by protobufjs (static code,
// see scripts/build-protocol.mjs). Everything else in this folder converts between these
// messages and the framework's plain values.
export { tfplugin6 } from './generated/tfplugin6.js';
