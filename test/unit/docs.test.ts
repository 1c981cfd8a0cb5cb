// The docs generator (scripts/docs.mjs) on synthetic schemas: attribute reference, kinds,
// templates, front matter, and the refusal of attributes without a description.

import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..', '..');

type Block = Record<string, unknown>;
interface Generated {
  files: Map<string, string>;
  problems: string[];
  notes: string[];
}
const docs = (await import(join(root, 'scripts', 'docs.mjs'))) as {
  typeName: (t: unknown) => string;
  schemaMarkdown: (block: Block, ctx: { problems: string[]; where: string }) => string;
  renderTemplate: (t: string, fields: Record<string, string>, read: (p: string) => string | undefined, where: string) => { meta: Record<string, string>; body: string };
  generateDocs: (doc: unknown, read: (p: string) => string | undefined, templates?: string[]) => Generated;
  kindOf: (key: string) => { dir: string; label: string; example: string };
};
const schemaJs = (await import(join(root, 'scripts', 'schema.mjs'))) as { identitiesToJSON: (response: unknown) => unknown };

const md = (block: Block) => {
  const problems: string[] = [];
  return { text: docs.schemaMarkdown(block, { problems, where: 'resource x' }), problems };
};

describe('attribute reference', () => {
  it('names types as the registry does', () => {
    expect(docs.typeName('string')).toBe('String');
    expect(docs.typeName('bool')).toBe('Boolean');
    expect(docs.typeName(['set', 'string'])).toBe('Set of String');
    expect(docs.typeName(['map', ['list', 'number']])).toBe('Map of List of Number');
    expect(docs.typeName(['list', ['object', { a: 'string' }]])).toBe('List of Object');
    expect(docs.typeName('dynamic')).toBe('Dynamic');
  });

  it('groups attributes into Required, Optional and Read-Only, with sensitive, write-only and deprecated flags', () => {
    const { text, problems } = md({
      attributes: {
        name: { type: 'string', required: true, description: 'The name.' },
        password: { type: 'string', optional: true, sensitive: true, write_only: true, description: 'Never stored.' },
        size: { type: 'number', optional: true, computed: true, description: 'Size. Default `1`.' },
        old: { type: 'string', optional: true, deprecated: true, deprecation_message: 'Use `name`.', description: 'Old name.' },
        id: { type: 'string', computed: true, description: 'ID.' },
      },
    });
    expect(problems).toEqual([]);
    expect(text).toBe(
      [
        '### Required\n',
        '- `name` (String) The name.',
        '',
        '### Optional\n',
        '- `old` (String, Deprecated) **Deprecated** Use `name`. Old name.',
        '- `password` (String, Sensitive, [Write-only](https://developer.hashicorp.com/terraform/language/resources/ephemeral#write-only-arguments)) Never stored.',
        '- `size` (Number) Size. Default `1`.',
        '',
        '### Read-Only\n',
        '- `id` (String) ID.',
      ].join('\n'),
    );
  });

  it('documents nested blocks and nested attributes in their own sections, linked by anchor', () => {
    const { text } = md({
      attributes: {
        window: {
          nested_type: { nesting_mode: 'single', attributes: { day: { type: 'string', required: true, description: 'Day.' } } },
          optional: true,
          description: 'Maintenance window.',
        },
        rules: {
          nested_type: { nesting_mode: 'list', attributes: { cidr: { type: 'string', required: true, description: 'Range.' } } },
          computed: true,
          description: 'Rules.',
        },
        plans: { type: ['list', ['object', { name: 'string', position: 'number' }]], computed: true, description: 'Plans.' },
      },
      block_types: {
        timeouts: { nesting_mode: 'single', block: { description: 'Timeouts.', attributes: { create: { type: 'string', optional: true, description: 'Create.' } } } },
        rule: { nesting_mode: 'list', min_items: 1, max_items: 3, block: { block_types: { inner: { nesting_mode: 'set', block: { attributes: { v: { type: 'bool', required: true, description: 'V.' } } } } } } },
      },
    });
    expect(text).toContain('- `window` (Attributes) Maintenance window. (see [below for nested schema](#nestedatt--window))');
    expect(text).toContain('- `rules` (Attributes List) Rules. (see [below for nested schema](#nestedatt--rules))');
    expect(text).toContain('- `plans` (List of Object) Plans. (see [below for nested schema](#nestedatt--plans))');
    expect(text).toContain('- `timeouts` (Block) Timeouts. (see [below for nested schema](#nestedblock--timeouts))');
    expect(text).toMatch(/### Required\n\n- `rule` \(Block List, Min: 1, Max: 3\) \(see \[below for nested schema\]\(#nestedblock--rule\)\)/);
    expect(text).toContain('<a id="nestedatt--window"></a>\n### Nested Schema for `window`\n\nRequired:\n\n- `day` (String) Day.');
    expect(text).toContain('<a id="nestedatt--plans"></a>\n### Nested Schema for `plans`\n\nRead-Only:\n\n- `name` (String)\n- `position` (Number)');
    expect(text).toContain('<a id="nestedblock--rule--inner"></a>\n### Nested Schema for `rule.inner`\n\nRequired:\n\n- `v` (Boolean) V.');
    // A section comes after the one that links to it.
    expect(text.indexOf('nestedblock--rule--inner"')).toBeGreaterThan(text.indexOf('nestedblock--rule"'));
  });

  it('reports every attribute without a description, nested ones by their path', () => {
    const { problems } = md({
      attributes: { a: { type: 'string', required: true }, n: { nested_type: { nesting_mode: 'set', attributes: { b: { type: 'string', optional: true, description: ' ' } } }, optional: true, description: 'N.' } },
      block_types: { t: { nesting_mode: 'single', block: { attributes: { c: { type: 'string', optional: true } } } } },
    });
    expect(problems).toEqual(['resource x: attribute `a` has no description', 'resource x: attribute `n.b` has no description', 'resource x: attribute `t.c` has no description']);
  });
});

describe('templates', () => {
  const read = (p: string) => (p === 'examples/x.tf' ? 'resource "a" "b" {}\n' : undefined);

  it('substitutes fields and files, and reads the subcategory from its front matter', () => {
    const r = docs.renderTemplate('---\nsubcategory: "Databases"\n---\n# {{ .Name }}\n\n{{ tffile "examples/x.tf" }}\n\n\n\n{{ .Empty }}\nend', { Name: 'n', Empty: '' }, read, 't');
    expect(r.meta).toEqual({ subcategory: 'Databases' });
    expect(r.body).toBe('# n\n\n```terraform\nresource "a" "b" {}\n```\n\nend');
  });

  it('refuses an unknown field, an unsupported expression and a missing file', () => {
    expect(() => docs.renderTemplate('{{ .Nope }}', { Name: 'n' }, read, 't.tmpl')).toThrow('t.tmpl: unknown field {{ .Nope }}');
    expect(() => docs.renderTemplate('{{ if .Name }}', { Name: 'n' }, read, 't.tmpl')).toThrow('unsupported template expression');
    expect(() => docs.renderTemplate('{{ tffile "nope.tf" }}', {}, read, 't.tmpl')).toThrow('nope.tf does not exist');
  });
});

describe('the docs tree', () => {
  const schema = (description: string) => ({ version: 0, block: { description, attributes: { id: { type: 'string', computed: true, description: 'ID.' } } } });
  const doc = {
    format_version: '1.0',
    provider_schemas: {
      'registry.terraform.io/acme/acme': {
        provider: schema('The Acme provider.'),
        resource_schemas: { acme_thing: schema('A thing.') },
        data_source_schemas: { acme_things: schema('Things.') },
        ephemeral_resource_schemas: { acme_token: schema('A token.') },
        list_resource_schemas: { acme_thing: schema('Lists things.') },
        action_schemas: { acme_backup: schema('Backs up.') },
        widget_schemas: { acme_w: schema('A kind terraform does not know yet.') },
      },
    },
  };
  const files: Record<string, string> = {
    'examples/resources/acme_thing/resource.tf': 'resource "acme_thing" "x" {}\n',
    'examples/resources/acme_thing/import.sh': 'terraform import acme_thing.x id\n',
    'templates/resources/thing.md.tmpl': '---\nsubcategory: "Things"\n---\n# {{ .Name }}\n\nGuidance.\n\n{{ .Example }}\n\n{{ .SchemaMarkdown }}\n\n{{ .Import }}\n',
  };

  it('writes a page for every kind of schema, with the registry front matter, examples and import syntax', () => {
    const g = docs.generateDocs(doc, (p) => files[p]);
    expect([...g.files.keys()].sort()).toEqual([
      'docs/actions/backup.md',
      'docs/data-sources/things.md',
      'docs/ephemeral-resources/token.md',
      'docs/index.md',
      'docs/list-resources/thing.md',
      'docs/resources/thing.md',
      'docs/widgets/w.md',
    ]);
    expect(g.problems).toEqual([]);
    expect(g.notes).toContain('data source acme_things: no example (examples/data-sources/acme_things/data-source.tf)');
    const thing = g.files.get('docs/resources/thing.md')!;
    expect(thing).toBe(
      '---\npage_title: "acme_thing Resource - acme"\nsubcategory: "Things"\ndescription: |-\n  A thing.\n---\n\n# acme_thing\n\nGuidance.\n\n## Example Usage\n\n```terraform\nresource "acme_thing" "x" {}\n```\n\n## Schema\n\n### Read-Only\n\n- `id` (String) ID.\n\n## Import\n\nImport is supported using the following syntax:\n\n```shell\nterraform import acme_thing.x id\n```\n',
    );
    expect(g.files.get('docs/ephemeral-resources/token.md')).toContain('# acme_token (Ephemeral Resource)\n\nPart of the `acme/acme` provider.\n\nA token.');
    expect(g.files.get('docs/actions/backup.md')).toContain('page_title: "acme_backup Action - acme"');
    expect(g.files.get('docs/index.md')).toContain('# acme Provider\n\nThe Acme provider.');
  });

  it('refuses a template whose page the schema does not have', () => {
    const g = docs.generateDocs(doc, (p) => files[p], ['templates/index.md.tmpl', 'templates/resources/thing.md.tmpl', 'templates/resources/gone.md.tmpl', 'templates/data-sources.md.tmpl']);
    expect(g.problems).toEqual(['templates/resources/gone.md.tmpl is the template of no page the schema has']);
  });

  it('refuses a resource without a description', () => {
    const bare = { provider_schemas: { 'registry.terraform.io/acme/acme': { provider: schema('P.'), resource_schemas: { acme_x: schema('') } } } };
    expect(docs.generateDocs(bare, () => undefined).problems).toEqual(['resource acme_x has no description']);
  });

  it('derives a directory and label for kinds it does not know', () => {
    expect(docs.kindOf('state_store_schemas')).toEqual({ dir: 'state-stores', label: 'State Store', example: 'state-store.tf' });
    expect(docs.kindOf('data_source_schemas').dir).toBe('data-sources');
  });
});

describe('import', () => {
  const files: Record<string, string> = {
    'examples/resources/acme_thing/resource.tf': 'resource "acme_thing" "x" {}\n',
    'examples/resources/acme_thing/import-by-identity.tf': 'import {\n  to       = acme_thing.x\n  identity = { app = "a", id = "b" }\n}\n',
    'examples/resources/acme_thing/import-by-string-id.tf': 'import {\n  to = acme_thing.x\n  id = "a:b"\n}\n',
    'examples/resources/acme_thing/import.sh': 'terraform import acme_thing.x a:b\n',
  };
  const identity = { version: 0, attributes: { app: { type: 'string', required_for_import: true, description: 'App ID.' }, region: { type: 'string', optional_for_import: true } } };
  const doc = {
    provider_schemas: {
      'registry.terraform.io/acme/acme': {
        provider: { block: { description: 'P.' } },
        resource_schemas: { acme_thing: { block: { description: 'A thing.', attributes: { id: { type: 'string', computed: true, description: 'ID.' } } } } },
        resource_identity_schemas: { acme_thing: identity },
      },
    },
  };

  it('documents import by identity with its schema, by ID with an import block, and with terraform import', () => {
    const g = docs.generateDocs(doc, (p) => files[p]);
    expect([...g.files.keys()].sort()).toEqual(['docs/index.md', 'docs/resources/thing.md']);
    const page = g.files.get('docs/resources/thing.md')!;
    const section = page.slice(page.indexOf('## Import'));
    expect(section).toBe(
      [
        '## Import',
        'In Terraform 1.12 and later, an `import` block can name the resource by its identity:',
        '```terraform\nimport {\n  to       = acme_thing.x\n  identity = { app = "a", id = "b" }\n}\n```',
        '### Identity Schema',
        '#### Required\n\n- `app` (String) App ID.',
        '#### Optional\n\n- `region` (String)',
        'With an `import` block and the import ID:',
        '```terraform\nimport {\n  to = acme_thing.x\n  id = "a:b"\n}\n```',
        'Or with the `terraform import` command:',
        '```shell\nterraform import acme_thing.x a:b\n```\n',
      ].join('\n\n'),
    );
    expect(g.problems).toEqual(['resource acme_thing: identity attribute `region` has no description']);
  });

  it('reads identity schemas from GetResourceIdentitySchemas as terraform prints them', () => {
    const enc = (t: unknown) => new TextEncoder().encode(JSON.stringify(t));
    const response = {
      identitySchemas: {
        acme_thing: { version: 1, identityAttributes: [{ name: 'id', type: enc('string'), optionalForImport: true, description: 'ID.' }, { name: 'app', type: enc('string'), requiredForImport: true }] },
      },
    };
    expect(schemaJs.identitiesToJSON(response)).toEqual({
      acme_thing: { version: 1, attributes: { app: { type: 'string', required_for_import: true }, id: { type: 'string', optional_for_import: true, description: 'ID.' } } },
    });
    expect(schemaJs.identitiesToJSON({ identitySchemas: {} })).toBeUndefined();
  });
});
