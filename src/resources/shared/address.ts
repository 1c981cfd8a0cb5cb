// The address of the resource being planned, for the commands a diagnostic suggests. Terraform
// does not send it to providers, so it is looked up, read-only, in the root module's `.tf` files
// (Terraform runs providers in its working directory): when exactly one `resource` block of the
// type matches the literal attributes given, its address is certain; otherwise there is none.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Top-level blocks of HCL native syntax: `resource "type" "name" {`, up to its closing line. */
function resourceBlocks(text: string, type: string): { name: string; body: string }[] {
  const header = /^resource\s+"([^"]+)"\s+"([^"]+)"\s*\{/gm;
  const starts: { type: string; name: string; at: number }[] = [];
  for (let m = header.exec(text); m; m = header.exec(text)) starts.push({ type: m[1]!, name: m[2]!, at: m.index });
  return starts
    .filter((s) => s.type === type)
    .map((s) => {
      const rest = text.slice(s.at);
      const end = rest.search(/^\}/m);
      return { name: s.name, body: end >= 0 ? rest.slice(0, end) : rest };
    });
}

/** The literal string value of `attribute = "…"` in a block body, if it is one. */
function literal(body: string, attribute: string): string | undefined {
  const m = new RegExp(`^\\s*${attribute}\\s*=\\s*"([^"$%]*)"\\s*(#.*|//.*)?$`, 'm').exec(body);
  return m ? m[1] : undefined;
}

/**
 * `type.name` of the one resource block of `type` in `dir` whose literal attributes do not
 * contradict `known` (values compared through `same`), or undefined when there is not exactly
 * one, or it has `count`/`for_each` (its instance key cannot be known).
 */
export function resourceAddress(
  type: string,
  known: Record<string, string>,
  same: (attribute: string, a: string, b: string) => boolean = (_attribute, a, b) => a === b,
  dir: string = process.cwd(),
): string | undefined {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.tf'));
  } catch {
    return undefined;
  }
  const candidates: { name: string; body: string }[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(join(dir, file), 'utf8');
    } catch {
      continue;
    }
    for (const block of resourceBlocks(text, type)) {
      const contradicts = Object.entries(known).some(([attribute, value]) => {
        const given = literal(block.body, attribute);
        return given !== undefined && !same(attribute, given, value);
      });
      if (!contradicts) candidates.push(block);
    }
  }
  if (candidates.length !== 1) return undefined;
  const only = candidates[0]!;
  if (/^\s*(count|for_each)\s*=/m.test(only.body)) return undefined;
  return `${type}.${only.name}`;
}
