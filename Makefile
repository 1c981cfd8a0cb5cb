# Two entry points for a fresh machine (see README): `make demo` and `make test`.
SHELL := /bin/bash
VERSION := $(shell node -p "require('./package.json').version")
OS_ARCH := $(shell node -p "({linux:'linux',darwin:'darwin',win32:'windows'})[process.platform] + '_' + ({x64:'amd64',arm64:'arm64'})[process.arch]")
MIRROR ?= $(HOME)/.terraform.d/plugins
# The registry address, defined once in package.json ("terraformProvider").
PROVIDER_ADDRESS := $(shell node -p "const p = require('./package.json').terraformProvider; [p.hostname, p.namespace, p.type].join('/')")
PROVIDER_SOURCE := $(shell node -p "const p = require('./package.json').terraformProvider; p.namespace + '/' + p.type")
PKG_DIR := $(MIRROR)/$(PROVIDER_ADDRESS)/$(VERSION)/$(OS_ARCH)

.PHONY: all deps build release test test-unit test-e2e demo install bench simulator clean docs docs-check cdktf cdktf-deps cdktf-lib

all: build

node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund

deps: node_modules/.package-lock.json

# The CDKTF bindings' own package (cdktf/): the generators, cdktf, cdktn, constructs, tsc.
cdktf/node_modules/.package-lock.json: cdktf/package-lock.json
	npm ci --prefix cdktf --no-audit --no-fund

cdktf-deps: cdktf/node_modules/.package-lock.json

build: deps
	npm run --silent build
	@touch dist/.built

# What the build reads: `make docs` and `make cdktf` rebuild only when it changed (the stamp is
# written by a successful build; `npm run build` alone leaves it stale, which only costs a build).
BUILD_INPUTS := $(shell find src proto -type f -not -path '*/generated/*') $(wildcard scripts/build*.mjs scripts/bundle.mjs scripts/launcher.cjs scripts/warm-code-cache.mjs) package.json package-lock.json tsconfig.json

dist/.built: $(BUILD_INPUTS) node_modules/.package-lock.json
	npm run --silent build
	@touch dist/.built

# Self-contained executables (Node.js single executable applications) for linux_amd64 and
# linux_arm64, zipped, checksummed and signed in the registry's layout in dist/release/.
release: build
	node scripts/release.mjs

# The e2e tests install the released archives with terraform init.
test: release cdktf-lib
	npm test

test-unit: build
	npm run --silent test:unit

test-e2e: release cdktf-lib
	npm run --silent test:e2e

# Registry-style docs (docs/index.md, docs/<kind>/<name>.md) from the provider's schema, the
# examples in examples/ and the guidance in templates/. Commit the result.
docs: dist/.built
	node scripts/docs.mjs

docs-check: dist/.built
	node scripts/docs.mjs --check

# CDKTF bindings (cdktf/src) from `terraform providers schema -json`, compiled to cdktf/lib.
# Commit cdktf/src.
cdktf: dist/.built cdktf-deps
	node scripts/cdktf.mjs

cdktf-lib: cdktf-deps
	node scripts/cdktf.mjs --build

demo: build
	bash scripts/demo.sh

bench: build
	npm run --silent bench

simulator: build
	node dist/simulator/main.js

# Filesystem mirror layout Terraform searches (implied mirror ~/.terraform.d/plugins), under our
# own address only: the official provider (scalingo/scalingo) stays installable beside it.
install: build
	rm -rf "$(PKG_DIR)" && mkdir -p "$(PKG_DIR)"
	cp dist/bundle/*.cjs dist/bundle/*.cache "$(PKG_DIR)/"
	cp dist/bundle/terraform-provider-scalingo "$(PKG_DIR)/terraform-provider-scalingo_v$(VERSION)"
	chmod +x "$(PKG_DIR)/terraform-provider-scalingo_v$(VERSION)"
	@echo "Installed into $(PKG_DIR)"
	@echo
	@echo "Or, without a mirror, put this in your CLI config (~/.terraformrc or TF_CLI_CONFIG_FILE):"
	@echo
	@echo 'provider_installation {'
	@echo '  dev_overrides {'
	@echo '    "$(PROVIDER_SOURCE)" = "$(CURDIR)/dist/bundle"'
	@echo '  }'
	@echo '  direct {}'
	@echo '}'

clean:
	rm -rf dist
