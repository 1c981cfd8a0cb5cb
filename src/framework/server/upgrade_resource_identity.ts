// UpgradeResourceIdentity: a stored identity written by an older identity schema version is
// brought to the current one, without contacting the API.

import { jsonToValue } from '../../cty/json.js';
import type { ValueObject } from '../../cty/value.js';
import type { Diagnostics } from '../diagnostics.js';
import { identityType } from '../schema.js';
import type { ProviderServer } from './server.js';
import { parseStoredObject } from './upgrade_resource_state.js';

export interface UpgradeIdentityRequest {
  readonly typeName: string;
  readonly version: number;
  /** The stored identity as JSON. */
  readonly rawJson: string | undefined;
}

export function upgradeResourceIdentity(server: ProviderServer, req: UpgradeIdentityRequest, diags: Diagnostics): ValueObject | null {
  if (!server.resource(req.typeName, diags)) return null;
  const def = server.resourceIdentity(req.typeName);
  if (!def) {
    diags.error('No identity', `The ${req.typeName} resource has no identity schema.`);
    return null;
  }
  if (req.version > def.schema.version) {
    diags.error('Identity from a newer provider', `The stored identity has version ${req.version}, newer than this provider's ${def.schema.version}; use a newer provider version.`);
    return null;
  }
  const stored = parseStoredObject(req.rawJson ?? '', 'identity', diags);
  if (stored === null) return null;
  let identity = stored;
  for (let v = req.version; v < def.schema.version; v++) {
    const upgrade = def.upgraders?.[v];
    if (!upgrade) {
      diags.error('Cannot upgrade identity', `No upgrade from identity version ${v} of ${req.typeName} exists in this provider.`);
      return null;
    }
    identity = upgrade(identity);
  }
  try {
    return jsonToValue(identity, identityType(def.schema), { ignoreUnknownAttributes: true }) as ValueObject;
  } catch (err) {
    diags.error('Invalid stored identity', `The stored identity does not match the ${req.typeName} identity schema: ${(err as Error).message}`);
    return null;
  }
}
