// A module marked "use client" reaches server code as client references: a component there renders on the
// client, but any other value imported from it on the server is a reference and not the value (a constant
// string becomes an object, and a sentence formatted with it is no longer text). Only the production build
// shows it. So a module not marked "use client" imports from a client module only components, hooks (callable in client code only) and types.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = join(__dirname, "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.(test|spec)\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

function parse(path: string): ts.SourceFile {
  return ts.createSourceFile(path, readFileSync(join(ROOT, path), "utf8"), ts.ScriptTarget.Latest, true);
}

function isClientModule(source: ts.SourceFile): boolean {
  const first = source.statements[0];
  return (
    first !== undefined &&
    ts.isExpressionStatement(first) &&
    ts.isStringLiteral(first.expression) &&
    first.expression.text === "use client"
  );
}

/** The project file an import names ("@/components/x", "./x"), or null for a package. */
function resolveImport(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/")
    ? join(ROOT, specifier.slice(2))
    : specifier.startsWith(".")
      ? resolve(ROOT, dirname(from), specifier)
      : null;
  if (!base) return null;
  for (const candidate of [`${base}.ts`, `${base}.tsx`, join(base, "index.ts"), join(base, "index.tsx")]) {
    if (existsSync(candidate)) return relative(ROOT, candidate);
  }
  return null;
}

/** A component (PascalCase) or a hook (useSomething), which only a client component can call anyway. */
const isComponentOrHook = (name: string) =>
  (/^[A-Z][A-Za-z0-9]*$/.test(name) && /[a-z]/.test(name)) || /^use[A-Z]/.test(name);

describe("the client boundary", () => {
  it('lets modules not marked "use client" import only components, hooks and types from client modules', () => {
    const files = ["app", "components", "lib"].flatMap(sourceFiles);
    const clientModules = new Set(files.filter((path) => isClientModule(parse(path))));
    const offending: string[] = [];
    for (const path of files) {
      if (clientModules.has(path)) continue;
      const source = parse(path);
      for (const statement of source.statements) {
        if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
        const target = resolveImport(path, statement.moduleSpecifier.text);
        if (!target || !clientModules.has(target)) continue;
        const clause = statement.importClause;
        if (!clause || clause.isTypeOnly) continue;
        if (clause.name && !isComponentOrHook(clause.name.text)) offending.push(`${path}: default ${clause.name.text}`);
        const bindings = clause.namedBindings;
        if (bindings && ts.isNamespaceImport(bindings)) offending.push(`${path}: * as ${bindings.name.text}`);
        if (bindings && ts.isNamedImports(bindings)) {
          for (const element of bindings.elements) {
            const imported = (element.propertyName ?? element.name).text;
            if (!element.isTypeOnly && !isComponentOrHook(imported))
              offending.push(`${path}: ${imported} from ${target}`);
          }
        }
      }
    }
    expect(offending).toEqual([]);
  });
});
