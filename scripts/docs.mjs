// @ts-check
// Registry-style docs (the tfplugindocs layout) generated from the provider's schema:
//   docs/index.md, docs/<kind>/<name>.md for every kind of schema GetProviderSchema returns
//   (resources, data-sources, ephemeral-resources, list-resources, actions, …, functions),
// each with the registry's front matter, the example from examples/<kind>/<full name>/, the
// attribute reference from the schema's descriptions, and the import syntax; hand-written
// guidance lives in templates/ (templates/index.md.tmpl, templates/<kind>/<name>.md.tmpl).
//
//   node scripts/docs.mjs           regenerate docs/
//   node scripts/docs.mjs --check   exit 1 when docs/ is stale or an attribute has no description
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const root = join(here, '..');

/**
 * @typedef {{ type?: unknown, nested_type?: NestedType, description?: string, required?: boolean, optional?: boolean,
 *   computed?: boolean, sensitive?: boolean, write_only?: boolean, deprecated?: boolean, deprecation_message?: string }} Attribute
 * @typedef {{ attributes: Record<string, Attribute>, nesting_mode: string }} NestedType
 * @typedef {{ nesting_mode: string, block: Block, min_items?: number, max_items?: number }} BlockType
 * @typedef {{ attributes?: Record<string, Attribute>, block_types?: Record<string, BlockType>, description?: string,
 *   deprecated?: boolean }} Block
 * @typedef {{ version?: number, block: Block }} Schema
 * @typedef {{ dir: string, label: string, example: string }} Kind
 * @typedef {{ files: Map<string, string>, problems: string[], notes: string[] }} Generated
 * @typedef {(path: string) => string | undefined} ReadFile
 */

/** Kinds of schema, by their key in Terraform's JSON; unknown `…_schemas` keys get a derived one. */
const KINDS = /** @type {Record<string, Kind>} */ ({
  resource_schemas: { dir: 'resources', label: 'Resource', example: 'resource.tf' },
  data_source_schemas: { dir: 'data-sources', label: 'Data Source', example: 'data-source.tf' },
  ephemeral_resource_schemas: { dir: 'ephemeral-resources', label: 'Ephemeral Resource', example: 'ephemeral-resource.tf' },
  list_resource_schemas: { dir: 'list-resources', label: 'List Resource', example: 'list-resource.tfquery.hcl' },
  action_schemas: { dir: 'actions', label: 'Action', example: 'action.tf' },
});

/** @returns {Kind} */
export function kindOf(/** @type {string} */ key) {
  const known = KINDS[key];
  if (known) return known;
  const singular = key.replace(/_schemas$/, '');
  const words = singular.split('_');
  return {
    dir: `${words.join('-')}s`,
    label: words.map((w) => w[0]?.toUpperCase() + w.slice(1)).join(' '),
    example: `${words.join('-')}.tf`,
  };
}

// ---------------------------------------------------------------------------------------------
// Types and attribute lines

/** Terraform's JSON type -> "String", "List of String", "Set of Object", … */
export function typeName(/** @type {unknown} */ t) {
  if (typeof t === 'string') return { string: 'String', number: 'Number', bool: 'Boolean', dynamic: 'Dynamic' }[t] ?? t;
  if (Array.isArray(t)) {
    const [kind, inner] = t;
    if (kind === 'object') return 'Object';
    if (kind === 'tuple') return 'Tuple';
    const label = { list: 'List', set: 'Set', map: 'Map' }[/** @type {string} */ (kind)] ?? String(kind);
    return `${label} of ${typeName(inner)}`;
  }
  return 'Dynamic';
}

/** The object type inside a type (object, list(object), set(object), map(object)), if any. */
function objectOf(/** @type {unknown} */ t) {
  if (!Array.isArray(t)) return undefined;
  if (t[0] === 'object') return /** @type {Record<string, unknown>} */ (t[1]);
  if (['list', 'set', 'map'].includes(t[0])) return objectOf(t[1]);
  return undefined;
}

const WRITE_ONLY = '[Write-only](https://developer.hashicorp.com/terraform/language/resources/ephemeral#write-only-arguments)';
const cap = (/** @type {string} */ s) => s[0]?.toUpperCase() + s.slice(1);
const anchorId = (/** @type {string} */ prefix, /** @type {string[]} */ path) => `${prefix}--${path.join('--')}`;

/** One-line flattening of a description (markdown paragraphs joined). */
const oneLine = (/** @type {string} */ s) => s.trim().replace(/\s*\n\s*/g, ' ');

/**
 * The attribute reference of a block, tfplugindocs style: Required / Optional / Read-Only, then a
 * "Nested Schema" section for each block, nested attribute or object type.
 * @param {Block} block
 * @param {{ problems: string[], where: string }} ctx
 */
export function schemaMarkdown(block, ctx) {
  /** @type {string[]} */
  const out = [];
  /** @type {{ id: string, title: string, render: () => void }[]} */
  const nested = [];
  /** @param {Block} b @param {string[]} path @param {boolean} top */
  const renderBlock = (b, path, top) => {
    /** @type {Record<'Required'|'Optional'|'Read-Only', string[]>} */
    const groups = { Required: [], Optional: [], 'Read-Only': [] };
    for (const name of Object.keys(b.attributes ?? {}).sort()) {
      const a = /** @type {Attribute} */ (b.attributes?.[name]);
      const where = [...path, name].join('.');
      if (!a.description?.trim()) ctx.problems.push(`${ctx.where}: attribute \`${where}\` has no description`);
      const group = a.required ? 'Required' : a.optional ? 'Optional' : 'Read-Only';
      /** @type {string[]} */
      const tags = [];
      let link = '';
      if (a.nested_type) {
        const mode = a.nested_type.nesting_mode;
        tags.push(mode === 'single' ? 'Attributes' : `Attributes ${cap(mode)}`);
        const id = anchorId('nestedatt', [...path, name]);
        link = ` (see [below for nested schema](#${id}))`;
        const inner = { attributes: a.nested_type.attributes };
        nested.push({ id, title: [...path, name].join('.'), render: () => renderBlock(inner, [...path, name], false) });
      } else {
        tags.push(typeName(a.type));
        const object = objectOf(a.type);
        if (object) {
          const id = anchorId('nestedatt', [...path, name]);
          link = ` (see [below for nested schema](#${id}))`;
          nested.push({ id, title: [...path, name].join('.'), render: () => renderObject(object) });
        }
      }
      if (a.sensitive) tags.push('Sensitive');
      if (a.write_only) tags.push(WRITE_ONLY);
      if (a.deprecated) tags.push('Deprecated');
      const deprecation = a.deprecated ? `**Deprecated** ${oneLine(a.deprecation_message ?? '')} `.replace(/ {2,}/g, ' ') : '';
      groups[group].push(`- \`${name}\` (${tags.join(', ')})${a.description ? ` ${deprecation}${oneLine(a.description)}` : ''}${link}`);
    }
    for (const name of Object.keys(b.block_types ?? {}).sort()) {
      const bt = /** @type {BlockType} */ (b.block_types?.[name]);
      const mode = bt.nesting_mode;
      const tags = [mode === 'single' || mode === 'group' ? 'Block' : `Block ${cap(mode)}`];
      if (bt.min_items) tags.push(`Min: ${bt.min_items}`);
      if (bt.max_items && mode !== 'single') tags.push(`Max: ${bt.max_items}`);
      if (bt.block.deprecated) tags.push('Deprecated');
      const id = anchorId('nestedblock', [...path, name]);
      const group = bt.min_items ? 'Required' : 'Optional';
      const description = bt.block.description ? ` ${oneLine(bt.block.description)}` : '';
      groups[group].push(`- \`${name}\` (${tags.join(', ')})${description} (see [below for nested schema](#${id}))`);
      nested.push({ id, title: [...path, name].join('.'), render: () => renderBlock(bt.block, [...path, name], false) });
    }
    for (const [title, lines] of Object.entries(groups)) {
      if (lines.length === 0) continue;
      out.push(top ? `### ${title}\n` : `${title}:\n`, lines.join('\n'), '');
    }
  };
  /** @param {Record<string, unknown>} object */
  const renderObject = (object) => {
    const lines = Object.keys(object)
      .sort()
      .map((k) => `- \`${k}\` (${typeName(object[k])})`);
    out.push('Read-Only:\n', lines.join('\n'), '');
  };
  renderBlock(block, [], true);
  // Nested sections render breadth-first, each one after the section that links to it.
  for (let i = 0; i < nested.length; i++) {
    const n = /** @type {(typeof nested)[number]} */ (nested[i]);
    out.push(`<a id="${n.id}"></a>`, `### Nested Schema for \`${n.title}\`\n`);
    n.render();
  }
  return out.join('\n').trim();
}

// ---------------------------------------------------------------------------------------------
// Templates

/**
 * A small subset of tfplugindocs' template language: `{{ .Field }}`, `{{ tffile "path" }}` and
 * `{{ codefile "lang" "path" }}`. An optional front matter block at the top of a template sets
 * `subcategory` (and may override `page_title`). Unknown placeholders are errors.
 * @param {string} template
 * @param {Record<string, string>} fields
 * @param {ReadFile} read
 * @param {string} where
 */
export function renderTemplate(template, fields, read, where) {
  /** @type {Record<string, string>} */
  const meta = {};
  let body = template;
  const fm = /^---\n([\s\S]*?)\n---\n/.exec(template);
  if (fm) {
    for (const line of (fm[1] ?? '').split('\n')) {
      const m = /^(\w+):\s*(.*)$/.exec(line);
      if (m) meta[/** @type {string} */ (m[1])] = (m[2] ?? '').replace(/^"(.*)"$/, '$1');
    }
    body = template.slice(fm[0].length);
  }
  const file = (/** @type {string} */ lang, /** @type {string} */ path) => {
    const text = read(path);
    if (text === undefined) throw new Error(`${where}: ${path} does not exist`);
    return `\`\`\`${lang}\n${text.trimEnd()}\n\`\`\``;
  };
  const rendered = body.replace(/\{\{-?\s*(.*?)\s*-?\}\}/g, (_, expr) => {
    /** @type {RegExpExecArray | null} */
    let m;
    if ((m = /^\.(\w+)$/.exec(expr))) {
      const v = fields[/** @type {string} */ (m[1])];
      if (v === undefined) throw new Error(`${where}: unknown field {{ ${expr} }} (known: ${Object.keys(fields).join(', ')})`);
      return v;
    }
    if ((m = /^tffile\s+"([^"]+)"$/.exec(expr))) return file('terraform', /** @type {string} */ (m[1]));
    if ((m = /^codefile\s+"([^"]+)"\s+"([^"]+)"$/.exec(expr))) return file(/** @type {string} */ (m[1]), /** @type {string} */ (m[2]));
    throw new Error(`${where}: unsupported template expression {{ ${expr} }}`);
  });
  return { meta, body: rendered.replace(/\n{3,}/g, '\n\n').trim() };
}

const DEFAULT_TEMPLATE = `# {{ .Name }} ({{ .Type }})

Part of the \`{{ .ProviderSource }}\` provider.

{{ .Description }}

{{ .Example }}

{{ .SchemaMarkdown }}

{{ .Import }}
`;

/** Front matter as the registry reads it. */
function frontMatter(/** @type {string} */ pageTitle, /** @type {string} */ subcategory, /** @type {string} */ description) {
  const desc = description.trim() ? description.trim().split('\n').map((l) => `  ${l}`.trimEnd()).join('\n') : '';
  return `---\npage_title: ${JSON.stringify(pageTitle)}\nsubcategory: ${JSON.stringify(subcategory)}\ndescription: |-\n${desc}\n---\n`;
}

/** Plain text of a markdown description for the front matter: first paragraph, no backticks. */
const plain = (/** @type {string} */ s) => oneLine((s.trim().split(/\n\s*\n/)[0] ?? '').replace(/`/g, ''));

// ---------------------------------------------------------------------------------------------
// Import

/** Keys of `…_schemas` that are not pages of their own. */
const NOT_PAGES = new Set(['resource_identity_schemas']);

/**
 * The Import section of a resource: by identity (Terraform 1.12+, with the identity schema), by
 * ID with an `import` block (1.5+), and with `terraform import`, from the example files there are
 * (import-by-identity.tf, import-by-string-id.tf, import.sh).
 * @param {{ attributes: Record<string, Attribute & { required_for_import?: boolean }> } | undefined} identity
 * @param {(file: string) => string | undefined} example  path of an example file, if it exists
 * @param {ReadFile} read
 * @param {{ problems: string[], where: string }} ctx
 */
export function importMarkdown(identity, example, read, ctx) {
  const code = (/** @type {string} */ lang, /** @type {string} */ path) => `\`\`\`${lang}\n${read(path)?.trimEnd()}\n\`\`\``;
  const byIdentity = example('import-by-identity.tf');
  const byId = example('import-by-string-id.tf') ?? example('import.tf');
  const command = example('import.sh');
  /** @type {string[]} */
  const parts = [];
  if (byIdentity) parts.push(`In Terraform 1.12 and later, an \`import\` block can name the resource by its identity:\n\n${code('terraform', byIdentity)}`);
  if (identity) {
    /** @type {Record<'Required' | 'Optional', string[]>} */
    const groups = { Required: [], Optional: [] };
    for (const attr of Object.keys(identity.attributes).sort()) {
      const a = /** @type {Attribute & { required_for_import?: boolean }} */ (identity.attributes[attr]);
      if (!a.description?.trim()) ctx.problems.push(`${ctx.where}: identity attribute \`${attr}\` has no description`);
      groups[a.required_for_import ? 'Required' : 'Optional'].push(`- \`${attr}\` (${typeName(a.type)})${a.description ? ` ${oneLine(a.description)}` : ''}`);
    }
    const lists = Object.entries(groups)
      .filter(([, lines]) => lines.length)
      .map(([title, lines]) => `#### ${title}\n\n${lines.join('\n')}`);
    parts.push(`### Identity Schema\n\n${lists.join('\n\n')}`);
  }
  if (byId) parts.push(`${parts.length ? 'With' : 'In Terraform 1.5 and later, with'} an \`import\` block and the import ID:\n\n${code('terraform', byId)}`);
  if (command) parts.push(`${parts.length ? 'Or with the `terraform import` command' : 'Import is supported using the following syntax'}:\n\n${code('shell', command)}`);
  if (parts.length === 0) return '';
  return `## Import\n\n${parts.join('\n\n')}`;
}

// ---------------------------------------------------------------------------------------------
// The whole tree

/**
 * Every file under docs/ that the generator owns, from a schema document in Terraform's JSON
 * format. Pure: files are read through `read` (paths relative to the repository).
 * @param {{ provider_schemas: Record<string, Record<string, unknown>> }} doc
 * @param {ReadFile} read
 * @param {string[]} [templates]  the template files there are (templates/…), to refuse orphans
 * @returns {Generated}
 */
export function generateDocs(doc, read, templates = []) {
  const [address, provider] = /** @type {[string, Record<string, any>]} */ (Object.entries(doc.provider_schemas)[0]);
  const providerType = address.split('/').pop() ?? address;
  const providerSource = address.split('/').slice(-2).join('/');
  /** @type {Generated} */
  const result = { files: new Map(), problems: [], notes: [] };
  const examples = (/** @type {string} */ dir, /** @type {string} */ name, /** @type {string} */ file) => {
    const path = `examples/${dir}/${name}/${file}`;
    return read(path) === undefined ? undefined : path;
  };
  const exampleSection = (/** @type {string | undefined} */ path) =>
    path ? `## Example Usage\n\n\`\`\`terraform\n${/** @type {string} */ (read(path)).trimEnd()}\n\`\`\`` : '';

  // index.md: the provider.
  {
    const schema = /** @type {Schema} */ (provider.provider ?? { block: {} });
    const ctx = { problems: result.problems, where: 'provider' };
    const example = read('examples/provider/provider.tf') === undefined ? undefined : 'examples/provider/provider.tf';
    if (!example) result.notes.push('provider: no example (examples/provider/provider.tf)');
    const description = schema.block.description ?? '';
    const fields = {
      Name: providerType,
      ProviderName: providerType,
      ProviderAddress: address,
      ProviderSource: providerSource,
      Type: 'Provider',
      Description: description,
      Example: exampleSection(example),
      SchemaMarkdown: `## Schema\n\n${schemaMarkdown(schema.block, ctx)}`.trim(),
    };
    const template = read('templates/index.md.tmpl') ?? `# {{ .Name }} Provider\n\n{{ .Description }}\n\n{{ .Example }}\n\n{{ .SchemaMarkdown }}\n`;
    const { meta, body } = renderTemplate(template, fields, read, 'templates/index.md.tmpl');
    result.files.set('docs/index.md', `${frontMatter(meta.page_title ?? `${cap(providerType)} Provider`, meta.subcategory ?? '', meta.description ?? plain(description))}\n${body}\n`);
  }

  /** @type {Record<string, { attributes: Record<string, Attribute & { required_for_import?: boolean }> }>} */
  const identities = provider.resource_identity_schemas ?? {};
  for (const key of Object.keys(provider).filter((k) => k.endsWith('_schemas') && !NOT_PAGES.has(k)).sort()) {
    const kind = kindOf(key);
    const schemas = /** @type {Record<string, Schema>} */ (provider[key]);
    for (const name of Object.keys(schemas).sort()) {
      const schema = /** @type {Schema} */ (schemas[name]);
      const short = name.startsWith(`${providerType}_`) ? name.slice(providerType.length + 1) : name;
      const where = `${kind.label.toLowerCase()} ${name}`;
      const ctx = { problems: result.problems, where };
      const description = schema.block.description ?? '';
      if (!description.trim()) result.problems.push(`${where} has no description`);
      const example = examples(kind.dir, name, kind.example);
      if (!example) result.notes.push(`${where}: no example (examples/${kind.dir}/${name}/${kind.example})`);
      const importSection = kind.dir === 'resources' ? importMarkdown(identities[name], (f) => examples(kind.dir, name, f), read, ctx) : '';
      const fields = {
        Name: name,
        ShortName: short,
        ProviderName: providerType,
        ProviderAddress: address,
        ProviderSource: providerSource,
        Type: kind.label,
        Description: description,
        Example: exampleSection(example),
        ExampleFile: example ?? '',
        SchemaMarkdown: `## Schema\n\n${schemaMarkdown(schema.block, ctx)}`.trim(),
        Import: importSection.trim(),
      };
      const templatePath = `templates/${kind.dir}/${short}.md.tmpl`;
      const template = read(templatePath) ?? read(`templates/${kind.dir}.md.tmpl`) ?? DEFAULT_TEMPLATE;
      const { meta, body } = renderTemplate(template, fields, read, templatePath);
      const title = meta.page_title ?? `${name} ${kind.label} - ${providerType}`;
      result.files.set(`docs/${kind.dir}/${short}.md`, `${frontMatter(title, meta.subcategory ?? '', meta.description ?? plain(description))}\n${body}\n`);
    }
  }

  const functions = /** @type {Record<string, { summary?: string, description?: string, parameters?: { name: string, description?: string, type: unknown }[], return_type?: unknown }>} */ (
    provider.functions ?? {}
  );
  for (const name of Object.keys(functions).sort()) {
    const f = /** @type {(typeof functions)[string]} */ (functions[name]);
    if (!f.description?.trim() && !f.summary?.trim()) result.problems.push(`function ${name} has no description`);
    const example = examples('functions', name, 'function.tf');
    const params = (f.parameters ?? []).map((p) => `1. \`${p.name}\` (${typeName(p.type)}) ${oneLine(p.description ?? '')}`.trimEnd());
    const body = [`# ${name} (Function)`, f.description ?? f.summary ?? '', exampleSection(example), '## Signature', `\`\`\`text\n${name}(${(f.parameters ?? []).map((p) => `${p.name} ${String(typeName(p.type)).toLowerCase()}`).join(', ')}) ${String(typeName(f.return_type)).toLowerCase()}\n\`\`\``, params.length ? `## Arguments\n\n${params.join('\n')}` : '']
      .filter(Boolean)
      .join('\n\n');
    result.files.set(`docs/functions/${name}.md`, `${frontMatter(`${name} function - ${providerType}`, '', plain(f.summary ?? f.description ?? ''))}\n${body}\n`);
  }
  // A template whose page is not generated (a renamed or removed resource) would be silently unused.
  const used = new Set(['templates/index.md.tmpl', ...[...result.files.keys()].map((f) => f.replace(/^docs\//, 'templates/').replace(/\.md$/, '.md.tmpl'))]);
  for (const t of templates) {
    const kindDefault = /^templates\/[^/]+\.md\.tmpl$/.test(t) && ownedDirs(result).some((d) => t === `templates/${d}.md.tmpl`);
    if (!used.has(t) && !kindDefault) result.problems.push(`${t} is the template of no page the schema has`);
  }
  return result;
}

/** Template files under templates/, relative to the repository. */
export function listTemplates(base = root) {
  const dir = join(base, 'templates');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md.tmpl'))
    .map((f) => `templates/${f.split('\\').join('/')}`)
    .sort();
}

/** Directories (under docs/) the generator owns entirely. */
export function ownedDirs(/** @type {Generated} */ generated) {
  const dirs = new Set(['resources', 'data-sources']);
  for (const path of generated.files.keys()) {
    const m = /^docs\/([^/]+)\//.exec(path);
    if (m) dirs.add(/** @type {string} */ (m[1]));
  }
  return [...dirs].sort();
}

/** Files that differ between what is generated and docs/ on disk: stale, missing, extra. */
export function staleFiles(/** @type {Generated} */ generated, base = root) {
  /** @type {string[]} */
  const stale = [];
  for (const [path, content] of generated.files) {
    const full = join(base, path);
    if (!existsSync(full)) stale.push(`${path} (missing)`);
    else if (readFileSync(full, 'utf8') !== content) stale.push(`${path} (differs)`);
  }
  for (const dir of ownedDirs(generated)) {
    const full = join(base, 'docs', dir);
    if (!existsSync(full)) continue;
    for (const f of readdirSync(full)) if (!generated.files.has(`docs/${dir}/${f}`)) stale.push(`docs/${dir}/${f} (not generated from the schema)`);
  }
  return stale.sort();
}

export const readRepoFile = (base = root) => /** @type {ReadFile} */ ((path) => (existsSync(join(base, path)) ? readFileSync(join(base, path), 'utf8') : undefined));

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { rpcSchema } = await import('./schema.mjs');
  const generated = generateDocs(await rpcSchema(), readRepoFile(), listTemplates());
  for (const note of generated.notes) process.stderr.write(`docs: note: ${note}\n`);
  if (generated.problems.length) {
    for (const p of generated.problems) process.stderr.write(`docs: error: ${p}\n`);
    process.exit(1);
  }
  if (process.argv.includes('--check')) {
    const stale = staleFiles(generated);
    if (stale.length) {
      process.stderr.write(`docs/ is stale (run \`make docs\` and commit the result):\n${stale.map((s) => `  ${s}`).join('\n')}\n`);
      process.exit(1);
    }
  } else {
    for (const dir of ownedDirs(generated)) rmSync(join(root, 'docs', dir), { recursive: true, force: true });
    for (const [path, content] of generated.files) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), content);
    }
    process.stdout.write(`docs: ${generated.files.size} files written\n`);
  }
}
