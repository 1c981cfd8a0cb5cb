import { Diagnostics } from '../../framework/diagnostics.js';
import { impliedType } from '../../framework/schema.js';
import { readDataSource as read } from '../../framework/server/read_data_source.js';
import type { ProviderServer } from '../../framework/server/server.js';
import { diagnosticsToProto } from '../convert/diagnostics.js';
import { decodeObject, encodeDynamic } from '../convert/values.js';
import type { tfplugin6 } from '../wire.js';

export async function readDataSource(server: ProviderServer, req: tfplugin6.ReadDataSource.Request, signal: AbortSignal): Promise<tfplugin6.ReadDataSource.Response.$Properties> {
  const diags = new Diagnostics();
  const dataSource = server.dataSource(req.typeName, diags);
  if (!dataSource) return { diagnostics: diagnosticsToProto(diags.items) };
  const type = impliedType(dataSource.schema.block);
  const state = await read(server, req.typeName, decodeObject(req.config, type) ?? {}, diags, signal);
  return { ...(state !== null ? { state: encodeDynamic(state, type) } : {}), diagnostics: diagnosticsToProto(diags.items) };
}
