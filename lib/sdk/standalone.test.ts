// The SDK ships to browsers and other servers on its own: at runtime it may import only its own files.
// Types may come from anywhere (lib/sdk/types.ts derives them from the server's schemas).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { expect, test } from 'vitest';

const SDK_DIR = import.meta.dirname;

function clientFiles(): string[] {
  return readdirSync(SDK_DIR, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.startsWith(`testing${path.sep}`))
    .map((f) => path.join(SDK_DIR, f));
}

/** Module specifiers a file still imports once TypeScript has erased its type-only imports and exports. */
function runtimeImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const specifiers: string[] = [];
  for (const node of source.statements) {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const bindings = clause?.namedBindings;
      const onlyTypes =
        clause?.isTypeOnly ||
        (clause && !clause.name && bindings && ts.isNamedImports(bindings) && bindings.elements.every((e) => e.isTypeOnly));
      if (!onlyTypes) specifiers.push((node.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && !node.isTypeOnly) {
      specifiers.push((node.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return specifiers;
}

test('the SDK imports nothing outside lib/sdk at runtime', () => {
  const outside = clientFiles().flatMap((file) =>
    runtimeImports(file)
      .filter((s) => !s.startsWith('.') || !path.resolve(path.dirname(file), s).startsWith(SDK_DIR + path.sep))
      .map((s) => `${path.relative(SDK_DIR, file)} imports ${s}`),
  );
  expect(outside).toEqual([]);
});
