// IDs of objects inside a database addon, `<app>:<addon_id>:<name or id>`: the import IDs of
// database users and firewall rules.

export type AddonObjectId = { app: string; addonId: string; name: string };

export function parseAddonObjectId(id: string): AddonObjectId | undefined {
  const parts = id.split(':');
  if (parts.length !== 3 || parts.some((p) => p.trim() === '')) return undefined;
  const [app, addonId, name] = parts as [string, string, string];
  return { app, addonId, name };
}

export function addonObjectId(app: string, addonId: string, name: string): string {
  return `${app}:${addonId}:${name}`;
}
