// UpgradeResourceState: called for every resource instance before any refresh or plan, even
// when the stored schema version is current. Converts stored JSON to the current schema's
// value without contacting the API; big numbers stay exact.

import { jsonToValue, parseLosslessJson } from '../../cty/json.js';
import type { ValueObject } from '../../cty/value.js';
import type { Diagnostics } from '../diagnostics.js';
import { conformToSchema, nullWriteOnly } from '../plan.js';
import { impliedType } from '../schema.js';
import type { ProviderServer } from './server.js';

/** Stored JSON (state or identity) that must be an object; null with an error otherwise. */
export function parseStoredObject(rawJson: string, what: 'state' | 'identity', diags: Diagnostics): Record<string, unknown> | null {
  let stored: unknown;
  try {
    stored = parseLosslessJson(rawJson);
  } catch (err) {
    diags.error(`Invalid stored ${what}`, `The stored ${what} is not valid JSON: ${(err as Error).message}`);
    return null;
  }
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) {
    diags.error(`Invalid stored ${what}`, `The stored ${what} is not a JSON object.`);
    return null;
  }
  return stored as Record<string, unknown>;
}

export function upgradeResourceState(
  server: ProviderServer,
  typeName: string,
  storedVersion: number,
  rawJson: string | undefined,
  diags: Diagnostics,
): ValueObject | null {
  const resource = server.resource(typeName, diags);
  if (!resource) return null;
  if (rawJson === undefined || rawJson.trim() === '') {
    diags.error('Unsupported state format', 'This resource instance was stored by a Terraform version older than 0.12; upgrade it with Terraform 0.12 or later first.');
    return null;
  }
  const stored = parseStoredObject(rawJson, 'state', diags);
  if (stored === null) return null;
  let state = stored;
  const current = resource.schema.version;
  if (storedVersion > current) {
    diags.error('State from a newer provider', `The state was written by schema version ${storedVersion}, newer than this provider's ${current}; use a newer provider version.`);
    return null;
  }
  for (let v = storedVersion; v < current; v++) {
    const upgrade = resource.stateUpgraders?.[v];
    if (!upgrade) {
      diags.error('Cannot upgrade state', `No upgrade from schema version ${v} of ${typeName} exists in this provider.`);
      return null;
    }
    state = upgrade(state);
  }
  try {
    const type = impliedType(resource.schema.block);
    const value = jsonToValue(state, type, { ignoreUnknownAttributes: true }) as ValueObject;
    return nullWriteOnly(resource.schema.block, conformToSchema(resource.schema.block, value));
  } catch (err) {
    diags.error('Invalid stored state', `The stored state does not match the ${typeName} schema: ${(err as Error).message}`);
    return null;
  }
}
