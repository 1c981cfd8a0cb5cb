// ValidateProviderConfig, ValidateResourceConfig and ValidateDataResourceConfig: attribute
// validators on known values, deprecation warnings, then the definition's own checks. Runs
// before any API call, so bad input is reported at plan time on the right attribute.

import { isObjectValue, isUnknown, type Value, type ValueObject } from '../../cty/value.js';
import { Diagnostics, formatPath, type AttributePath } from '../diagnostics.js';
import type { Planned } from '../resource.js';
import type { AttributeSchema, BlockSchema, NestedAttributes } from '../schema.js';
import type { ProviderServer } from './server.js';

export function validateBlock(block: BlockSchema, config: ValueObject, diags: Diagnostics, path: AttributePath = []): void {
  validateAttributes(block.attributes, config, diags, path);
  for (const [name, nested] of Object.entries(block.blocks ?? {})) {
    const value = config[name] ?? null;
    if (isObjectValue(value)) validateBlock(nested.block, value, diags, [...path, name]);
    else if (Array.isArray(value)) value.forEach((el, i) => isObjectValue(el) && validateBlock(nested.block, el, diags, [...path, name, { index: i }]));
  }
}

function validateAttributes(attributes: Readonly<Record<string, AttributeSchema>>, config: ValueObject, diags: Diagnostics, path: AttributePath): void {
  for (const [name, attr] of Object.entries(attributes)) {
    const value = config[name] ?? null;
    const at = [...path, name];
    if (value === null || isUnknown(value)) continue;
    if (attr.deprecationMessage) diags.warning('Deprecated attribute', attr.deprecationMessage, at);
    for (const validator of attr.validators ?? []) validator.validate(value, { path: at, diags });
    if (attr.nested) validateNested(attr.nested, value, diags, at);
  }
}

/**
 * Each object of a nested attribute. Terraform can only point at the line of the nested
 * attribute itself (it does not look inside `{ … }` values), so problems inside are reported on
 * that attribute, their detail starting with the member's path: `weekday: Must be one of …`.
 */
function validateNested(nested: NestedAttributes, value: Value, diags: Diagnostics, at: AttributePath): void {
  const inner = new Diagnostics();
  const visit = (el: Value | undefined, path: AttributePath) => {
    if (el !== undefined && isObjectValue(el)) validateAttributes(nested.attributes, el, inner, path);
  };
  if (nested.nesting === 'single') visit(value, at);
  else if (nested.nesting === 'list' && Array.isArray(value)) value.forEach((el, i) => visit(el, [...at, { index: i }]));
  else if (nested.nesting === 'set' && Array.isArray(value)) value.forEach((el) => visit(el, at));
  else if (nested.nesting === 'map' && isObjectValue(value)) for (const [key, el] of Object.entries(value)) visit(el, [...at, { key }]);
  for (const d of inner.items) {
    const member = formatPath((d.path ?? at).slice(at.length - 1));
    const detail = `${member}: ${d.detail ?? d.summary}`;
    if (d.severity === 'error') diags.error(d.summary, detail, at);
    else diags.warning(d.summary, detail, at);
  }
}

export function validateProviderConfig(server: ProviderServer, config: ValueObject, diags: Diagnostics): void {
  validateBlock(server.provider.schema.block, config, diags);
  server.provider.validateConfig?.({ config: config as Planned<ValueObject>, diags });
}

export function validateResourceConfig(server: ProviderServer, typeName: string, config: ValueObject, diags: Diagnostics): void {
  const resource = server.resource(typeName, diags);
  if (!resource) return;
  validateBlock(resource.schema.block, config, diags);
  resource.validateConfig?.({ config: config as Planned<ValueObject>, diags });
}

export function validateDataSourceConfig(server: ProviderServer, typeName: string, config: ValueObject, diags: Diagnostics): void {
  const dataSource = server.dataSource(typeName, diags);
  if (!dataSource) return;
  validateBlock(dataSource.schema.block, config, diags);
  dataSource.validateConfig?.({ config: config as Planned<ValueObject>, diags });
}
