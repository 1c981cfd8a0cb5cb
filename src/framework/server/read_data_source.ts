// ReadDataSource: called when the configuration is wholly known; returns a complete value.

import type { ValueObject } from '../../cty/value.js';
import { formatPath, type Diagnostics } from '../diagnostics.js';
import { conformToSchema, unknownPaths } from '../plan.js';
import { guarded, type ProviderServer } from './server.js';

export async function readDataSource(
  server: ProviderServer,
  typeName: string,
  config: ValueObject,
  diags: Diagnostics,
  signal?: AbortSignal,
): Promise<ValueObject | null> {
  const dataSource = server.dataSource(typeName, diags);
  if (!dataSource) return null;
  const ctx = server.context(diags, signal, { tf_rpc: 'ReadDataSource', tf_data_source_type: typeName });
  if (!ctx) return null;
  const result = await guarded(diags, 'Reading the data source', () => dataSource.read({ config }, ctx), ctx.log, ctx.signal);
  if (result === undefined) return null;
  const state = conformToSchema(dataSource.schema.block, result);
  for (const p of unknownPaths(state)) diags.error('Provider returned an unknown value', `${formatPath(p)} is unknown; this is a bug in the provider.`);
  return state;
}
