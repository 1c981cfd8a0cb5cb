// The framework resources are written against: schemas, plan rules and modifiers,
// validators, timeouts, diagnostics, and the provider server running Terraform's operations.
export * from './diagnostics.js';
export * from './duration.js';
export * from './schema.js';
export * from './validators.js';
export * from './planmodifiers.js';
export * from './timeouts.js';
export * from './resource.js';
export * from './plan.js';
