// One file per Terraform operation, as terraform-plugin-framework's fwserver does.
export * from './server.js';
export * from './validate.js';
export * from './configure_provider.js';
export * from './upgrade_resource_state.js';
export * from './read_resource.js';
export * from './plan_resource_change.js';
export * from './apply_resource_change.js';
export * from './import_resource_state.js';
export * from './read_data_source.js';
export * from './validate_ephemeral_resource_config.js';
export * from './open_ephemeral_resource.js';
export * from './renew_ephemeral_resource.js';
export * from './close_ephemeral_resource.js';
