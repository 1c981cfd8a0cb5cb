// go-plugin's process contract checks: the magic cookie (a guard against running the plugin
// by hand) and the app protocol version negotiated from PLUGIN_PROTOCOL_VERSIONS.

export const MAGIC_COOKIE_KEY = 'TF_PLUGIN_MAGIC_COOKIE';
export const MAGIC_COOKIE_VALUE = 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2';
export const CORE_PROTOCOL_VERSION = 1;
export const APP_PROTOCOL_VERSION = 6;

export class HandshakeError extends Error {
  override name = 'HandshakeError';
}

export const NOT_A_COMMAND_MESSAGE =
  'This binary is a plugin. These are not meant to be executed directly.\n' +
  'Please execute the program that consumes these plugins, which will\n' +
  'load any plugins automatically.\n' +
  'To run it by hand for debugging, use --debug (see the README).\n';

export function checkMagicCookie(env: NodeJS.ProcessEnv): void {
  if (env[MAGIC_COOKIE_KEY] !== MAGIC_COOKIE_VALUE) throw new HandshakeError(NOT_A_COMMAND_MESSAGE);
}

/** The protocol version to announce; the client's list must contain 6 (we speak only v6). */
export function negotiateProtocolVersion(env: NodeJS.ProcessEnv): number {
  const raw = env['PLUGIN_PROTOCOL_VERSIONS'];
  if (raw === undefined || raw.trim() === '') return APP_PROTOCOL_VERSION;
  const offered = raw
    .split(',')
    .map((v) => Number.parseInt(v.trim(), 10))
    .filter((v) => Number.isInteger(v));
  if (!offered.includes(APP_PROTOCOL_VERSION)) {
    throw new HandshakeError(
      `This provider speaks Terraform plugin protocol version ${APP_PROTOCOL_VERSION}, but the program that started it ` +
        `accepts only version(s) ${raw}. Use Terraform 1.0 or later, or OpenTofu.\n`,
    );
  }
  return APP_PROTOCOL_VERSION;
}

export function handshakeLine(protocolVersion: number, network: 'unix' | 'tcp', address: string, certificate: string): string {
  return `${CORE_PROTOCOL_VERSION}|${protocolVersion}|${network}|${address}|grpc|${certificate}\n`;
}
