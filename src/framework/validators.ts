// Attribute validators: run on known, non-null configuration values before any API call
// (ValidateResourceConfig), each reporting on the attribute's own path.

import { isIPv4, isIPv6 } from 'node:net';
import { CtyNumber, type Value } from '../cty/value.js';
import { parseDuration } from './duration.js';
import type { AttributePath, Diagnostics } from './diagnostics.js';

export interface ValidationRequest {
  readonly path: AttributePath;
  readonly diags: Diagnostics;
}

export interface AttributeValidator {
  /** Plain-language rule, used in documentation. */
  readonly description: string;
  validate(value: Value, request: ValidationRequest): void;
}

export function stringLengthBetween(min: number, max: number): AttributeValidator {
  return {
    description: `must be between ${min} and ${max} characters long`,
    validate(value, { path, diags }) {
      if (typeof value !== 'string') return;
      const length = [...value].length;
      if (length < min || length > max) {
        diags.error('Invalid attribute value', `Must be between ${min} and ${max} characters long, got ${length}.`, path);
      }
    },
  };
}

export function stringMatches(pattern: RegExp, explanation: string): AttributeValidator {
  return {
    description: explanation,
    validate(value, { path, diags }) {
      if (typeof value === 'string' && !pattern.test(value)) diags.error('Invalid attribute value', `${explanation}.`, path);
    },
  };
}

export function stringOneOf(choices: readonly string[]): AttributeValidator {
  return {
    description: `one of ${choices.map((c) => `\`${c}\``).join(', ')}`,
    validate(value, { path, diags }) {
      if (typeof value === 'string' && !choices.includes(value)) {
        diags.error('Invalid attribute value', `Must be one of ${choices.map((c) => JSON.stringify(c)).join(', ')}; got ${JSON.stringify(value)}.`, path);
      }
    },
  };
}

export function durationString(): AttributeValidator {
  return {
    description: 'a duration such as `30s`, `40m` or `1h30m`',
    validate(value, { path, diags }) {
      if (typeof value === 'string' && parseDuration(value) === undefined) {
        diags.error('Invalid duration', `${JSON.stringify(value)} is not a duration; use a number with a unit, such as "30s", "40m" or "1h30m".`, path);
      }
    },
  };
}

export function isUrl(protocols: readonly string[] = ['http:', 'https:']): AttributeValidator {
  return {
    description: 'an absolute URL',
    validate(value, { path, diags }) {
      if (typeof value !== 'string') return;
      let ok = false;
      try {
        ok = protocols.includes(new URL(value).protocol);
      } catch {
        ok = false;
      }
      if (!ok) diags.error('Invalid URL', `Expected an absolute ${protocols.join(' or ')} URL, got ${JSON.stringify(value)}.`, path);
    },
  };
}

/**
 * An IPv4 or IPv6 network in CIDR notation (`203.0.113.0/24`, `2001:db8::/32`): an address, a
 * prefix length in range, and no bit set past the prefix (the diagnostic gives the network).
 */
export function cidrBlock(): AttributeValidator {
  return {
    description: 'an IPv4 or IPv6 network in CIDR notation, such as `203.0.113.0/24` or `2001:db8::/32`',
    validate(value, { path, diags }) {
      if (typeof value !== 'string') return;
      const problem = cidrProblem(value);
      if (problem) diags.error('Invalid CIDR block', `${JSON.stringify(value)} ${problem}`, path);
    },
  };
}

/** Why a string is not a CIDR network, or undefined when it is one. */
export function cidrProblem(value: string): string | undefined {
  const slash = value.indexOf('/');
  if (slash < 0) return 'has no prefix length: write a network such as "203.0.113.7/32" for one IPv4 address or "2001:db8::1/128" for one IPv6 address.';
  const address = value.slice(0, slash);
  const prefixText = value.slice(slash + 1);
  const bits = isIPv4(address) ? 32 : isIPv6(address) && !address.includes('%') ? 128 : 0;
  if (bits === 0) return `is not a CIDR block: "${address}" is not an IPv4 or IPv6 address.`;
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > bits) return `has an invalid prefix length: an IPv${bits === 32 ? 4 : 6} prefix is 0 to ${bits}.`;
  const prefix = Number(prefixText);
  const n = bits === 32 ? ipv4ToBigInt(address) : ipv6ToBigInt(address);
  const hostMask = (1n << BigInt(bits - prefix)) - 1n;
  if ((n & hostMask) !== 0n) {
    const network = n & ~hostMask & ((1n << BigInt(bits)) - 1n);
    return `has bits set after its /${prefix} prefix: the network is "${bits === 32 ? bigIntToIpv4(network) : bigIntToIpv6(network)}/${prefix}".`;
  }
  return undefined;
}

function ipv4ToBigInt(address: string): bigint {
  return address.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
}

function bigIntToIpv4(n: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => String((n >> shift) & 255n)).join('.');
}

function ipv6ToBigInt(address: string): bigint {
  let text = address;
  // An embedded IPv4 tail (::ffff:192.0.2.1) is two groups.
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const n = ipv4ToBigInt(v4[1]!);
    text = `${text.slice(0, -v4[1]!.length)}${(n >> 16n).toString(16)}:${(n & 0xffffn).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? (text.split('::') as [string, string]) : [text, undefined];
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups = tail === undefined ? headGroups : [...headGroups, ...Array<string>(8 - headGroups.length - tailGroups.length).fill('0'), ...tailGroups];
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n);
}

function bigIntToIpv6(n: bigint): string {
  const groups = Array.from({ length: 8 }, (_, i) => ((n >> BigInt((7 - i) * 16)) & 0xffffn).toString(16));
  // Shorten the longest run of zero groups (RFC 5952).
  let best = { at: -1, length: 0 };
  for (let i = 0; i < 8; ) {
    if (groups[i] !== '0') {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > best.length && j - i > 1) best = { at: i, length: j - i };
    i = j;
  }
  if (best.at < 0) return groups.join(':');
  return `${groups.slice(0, best.at).join(':')}::${groups.slice(best.at + best.length).join(':')}`;
}

/** A whole number between min and max (inclusive). */
export function intBetween(min: number, max: number): AttributeValidator {
  return {
    description: `a whole number from ${min} to ${max}`,
    validate(value, { path, diags }) {
      if (!(value instanceof CtyNumber) && typeof value !== 'number') return;
      const n = value instanceof CtyNumber ? value.toNumber() : value;
      if (!Number.isInteger(n) || n < min || n > max) diags.error('Invalid attribute value', `Must be a whole number from ${min} to ${max}; got ${String(value)}.`, path);
    },
  };
}
