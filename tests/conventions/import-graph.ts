/**
 * The project's import graph, read from source with the TypeScript parser: which module imports
 * which, and whether only for types (erased from the bundle). The conventions test checks the
 * architecture's boundaries on it.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export interface ImportEdge {
  /** A project file (relative to the root, `/`-separated) or a package specifier. */
  to: string;
  /** The import is erased from the bundle (`import type`, or every name imported as a type). */
  typeOnly: boolean;
  /** Resolved to a file of the project (otherwise a package). */
  local: boolean;
}

const EXTENSIONS = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

function specifiersOf(source: ts.SourceFile): Array<{ specifier: string; typeOnly: boolean }> {
  const found: Array<{ specifier: string; typeOnly: boolean }> = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : undefined;
      const typeOnly =
        !!clause &&
        (clause.isTypeOnly || (!clause.name && !!named && named.length > 0 && named.every((element) => element.isTypeOnly)));
      found.push({ specifier: node.moduleSpecifier.text, typeOnly });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ specifier: node.moduleSpecifier.text, typeOnly: node.isTypeOnly });
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      found.push({ specifier: node.arguments[0].text, typeOnly: false });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push({ specifier: node.argument.literal.text, typeOnly: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

export class ImportGraph {
  private readonly cache = new Map<string, ImportEdge[]>();

  constructor(readonly root: string) {}

  /** The file `specifier` names from `from`, relative to the root, or null for a package. */
  resolve(from: string, specifier: string): string | null {
    let base: string | null = null;
    if (specifier.startsWith('@/') || specifier.startsWith('~/')) base = path.join(this.root, specifier.slice(2));
    else if (specifier.startsWith('.')) base = path.resolve(this.root, path.dirname(from), specifier);
    if (base === null) return null;
    for (const extension of EXTENSIONS) {
      const candidate = base + extension;
      if (existsSync(candidate) && statSync(candidate).isFile()) return path.relative(this.root, candidate).split(path.sep).join('/');
    }
    throw new Error(`${from}: cannot resolve ${specifier}`);
  }

  importsOf(file: string): ImportEdge[] {
    const known = this.cache.get(file);
    if (known) return known;
    const text = readFileSync(path.join(this.root, file), 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const edges = specifiersOf(source).map(({ specifier, typeOnly }): ImportEdge => {
      const local = this.resolve(file, specifier);
      return local ? { to: local, typeOnly, local: true } : { to: specifier, typeOnly, local: false };
    });
    this.cache.set(file, edges);
    return edges;
  }

  /** Every module `entry` brings into its bundle (runtime imports only), the entry included. */
  runtimeClosure(entry: string): Set<string> {
    const seen = new Set<string>([entry]);
    const queue = [entry];
    while (queue.length) {
      const file = queue.pop()!;
      if (!/\.tsx?$/.test(file)) continue;
      for (const edge of this.importsOf(file)) {
        if (edge.typeOnly || seen.has(edge.to)) continue;
        seen.add(edge.to);
        if (edge.local) queue.push(edge.to);
      }
    }
    return seen;
  }

  /** Import cycles among `files` (type imports count: they couple modules all the same). */
  cycles(files: readonly string[]): string[][] {
    const found: string[][] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (file: string) => {
      state.set(file, 'open');
      stack.push(file);
      for (const edge of this.importsOf(file)) {
        if (!edge.local || !/\.tsx?$/.test(edge.to)) continue;
        const seen = state.get(edge.to);
        if (seen === 'open') found.push([...stack.slice(stack.indexOf(edge.to)), edge.to]);
        else if (!seen) visit(edge.to);
      }
      stack.pop();
      state.set(file, 'done');
    };
    for (const file of files) if (!state.has(file)) visit(file);
    return found;
  }
}

/** Production source files under `dirs` (tests, fixtures and declaration files left out). */
export function productionFiles(root: string, dirs: readonly string[]): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(path.join(root, dir))) return;
    for (const name of readdirSync(path.join(root, dir))) {
      const relative = `${dir}/${name}`;
      if (statSync(path.join(root, relative)).isDirectory()) walk(relative);
      else if (/\.tsx?$/.test(name) && !/\.(test|d)\.tsx?$/.test(name) && !/-fixture\.tsx?$/.test(name)) files.push(relative);
    }
  };
  for (const dir of dirs) walk(dir);
  return files.sort();
}

/** Every bundle's entry: the background, the content script and each page's script. */
export function entryPoints(root: string): string[] {
  const entries: string[] = [];
  const dir = path.join(root, 'entrypoints');
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isFile() && /\.tsx?$/.test(name)) entries.push(`entrypoints/${name}`);
    if (!statSync(full).isDirectory()) continue;
    const html = path.join(full, 'index.html');
    if (existsSync(html)) {
      for (const [, src] of readFileSync(html, 'utf8').matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) {
        entries.push(path.relative(root, path.resolve(full, src!)).split(path.sep).join('/'));
      }
    } else {
      for (const index of ['index.ts', 'index.tsx']) if (existsSync(path.join(full, index))) entries.push(`entrypoints/${name}/${index}`);
    }
  }
  return entries;
}
