// Kept in step with package.json by a unit test.
export const PROVIDER_VERSION = '0.1.0';

/** Source addresses users write in required_providers ("Scalingo/scalingo"), for both CLIs. */
export const PROVIDER_ADDRESSES = ['registry.terraform.io/scalingo/scalingo', 'registry.opentofu.org/scalingo/scalingo'] as const;
