// GetResourceIdentitySchemas: this provider declares no resource identities yet.

import type { tfplugin6 } from '../wire.js';

export function getResourceIdentitySchemas(): tfplugin6.GetResourceIdentitySchemas.Response.$Properties {
  return { identitySchemas: {}, diagnostics: [] };
}
