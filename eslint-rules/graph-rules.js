// Two rules on the build graph (STYLE.md): every import is declared in the importing package's
// package.json, and relative imports never form a cycle. Written here rather than taken from
// eslint-plugin-import-x because its resolvers need native bindings and a TypeScript resolver plugin
// to follow `./x.js` to `./x.ts`, and report nothing when a package is not built yet.
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const builtins = new Set(builtinModules);
const manifests = new Map();

/** The nearest package.json above a file, with its declared dependency names. */
function manifestOf(file) {
  let dir = dirname(file);
  for (;;) {
    if (manifests.has(dir)) return manifests.get(dir);
    const path = join(dir, 'package.json');
    if (existsSync(path)) {
      const json = JSON.parse(readFileSync(path, 'utf8'));
      const names = new Set([
        json.name,
        ...Object.keys(json.dependencies ?? {}),
        ...Object.keys(json.devDependencies ?? {}),
        ...Object.keys(json.peerDependencies ?? {}),
      ]);
      const manifest = { path, names, root: Array.isArray(json.workspaces) };
      manifests.set(dir, manifest);
      return manifest;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The package a bare specifier names (`@scope/name` or `name`). */
function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

const rootManifest = () => manifestOf(resolve('package.json'));

function sources(node) {
  if (
    (node.type === 'ImportDeclaration' ||
      node.type === 'ExportAllDeclaration' ||
      node.type === 'ExportNamedDeclaration') &&
    node.source
  ) {
    return node.source;
  }
  if (node.type === 'ImportExpression' && node.source.type === 'Literal') return node.source;
  return undefined;
}

/** Every import declared in the nearest package.json (tests may also use the workspace root's tools). */
export const declaredDependencies = {
  meta: {
    type: 'problem',
    schema: [],
    messages: { undeclared: '"{{name}}" is imported but not declared in {{manifest}}: add it to its dependencies.' },
  },
  create(context) {
    const check = (node) => {
      const source = sources(node);
      if (source === undefined || typeof source.value !== 'string') return;
      const specifier = source.value;
      if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return;
      const name = packageName(specifier);
      if (builtins.has(name)) return;
      const manifest = manifestOf(context.filename);
      if (manifest === undefined || manifest.names.has(name)) return;
      const isTest = /\.test\.ts$|\/test\/|\/bench\/|vitest\.config|vite\.config|eslint\.config/.test(context.filename);
      if ((isTest || manifest.root) && rootManifest()?.names.has(name)) return;
      context.report({
        node: source,
        messageId: 'undeclared',
        data: { name, manifest: manifest.path.replace(`${process.cwd()}/`, '') },
      });
    };
    return {
      ImportDeclaration: check,
      ExportAllDeclaration: check,
      ExportNamedDeclaration: check,
      ImportExpression: check,
    };
  },
};

const edges = new Map();
const importPattern =
  /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;

/** Relative imports of a file, resolved to files (`./x.js` → `./x.ts`), type-only ones included. */
function importsOf(file) {
  if (edges.has(file)) return edges.get(file);
  const found = [];
  edges.set(file, found);
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return found;
  }
  for (const match of text.matchAll(importPattern)) {
    const specifier = match[1] ?? match[2];
    const target = resolve(dirname(file), specifier);
    const candidates = [
      target,
      target.replace(/\.js$/, '.ts'),
      target.replace(/\.js$/, '.tsx'),
      `${target}.ts`,
      join(target, 'index.ts'),
    ];
    const hit = candidates.find((c) => existsSync(c) && !c.endsWith('/'));
    if (hit !== undefined && /\.(ts|tsx|js|mjs)$/.test(hit)) found.push(hit);
  }
  return found;
}

/** The chain of files leading from `start` back to itself, if any. */
function cycleFrom(start) {
  const seen = new Set();
  const path = [];
  const visit = (file) => {
    for (const next of importsOf(file)) {
      if (next === start) return [...path, next];
      if (seen.has(next)) continue;
      seen.add(next);
      path.push(next);
      const found = visit(next);
      if (found) return found;
      path.pop();
    }
    return undefined;
  };
  return visit(start);
}

/** No file imports itself through a chain of relative imports. */
export const noImportCycles = {
  meta: {
    type: 'problem',
    schema: [],
    messages: { cycle: 'Import cycle: {{chain}}. Move what both sides need into a module of its own.' },
  },
  create(context) {
    return {
      Program(node) {
        const cycle = cycleFrom(context.filename);
        if (cycle === undefined) return;
        const short = (f) => f.replace(`${process.cwd()}/`, '');
        context.report({
          node,
          messageId: 'cycle',
          data: { chain: [context.filename, ...cycle].map(short).join(' → ') },
        });
      },
    };
  },
};

/** The plugin: `vigie/declared-dependencies`, `vigie/no-import-cycles`. */
export const graphPlugin = {
  rules: { 'declared-dependencies': declaredDependencies, 'no-import-cycles': noImportCycles },
};
