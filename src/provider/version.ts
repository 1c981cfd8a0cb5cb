// The provider's version and registry address, both from package.json (generated at build).
import { PACKAGE_VERSION, TERRAFORM_PROVIDER } from './generated/package.js';

export const PROVIDER_VERSION: string = PACKAGE_VERSION;

/** What users write in required_providers: `scalingo-community/scalingo`. */
export const PROVIDER_SOURCE = `${TERRAFORM_PROVIDER.namespace}/${TERRAFORM_PROVIDER.type}`;

/** Fully qualified addresses (Terraform's registry, and OpenTofu's for the same source). */
export const PROVIDER_ADDRESSES: readonly string[] = [
  `${TERRAFORM_PROVIDER.hostname}/${PROVIDER_SOURCE}`,
  `registry.opentofu.org/${PROVIDER_SOURCE}`,
];
