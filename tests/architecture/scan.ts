/**
 * Reads one source file's architectural facts with the TypeScript parser (no type checker: fast):
 * what it imports, which browser/host globals it uses as values, and which hidden clock or randomness
 * calls it makes. Type positions, property names and locally declared names are not global uses.
 */
import { posix } from 'node:path';
import ts from 'typescript';

export interface ImportFact {
  specifier: string;
  /** Repo-relative path for a relative specifier (no extension), null for a package. */
  resolved: string | null;
  line: number;
}
export interface UseFact {
  name: string;
  line: number;
}
export interface FileFacts {
  file: string;
  imports: ImportFact[];
  /** Free identifiers in value positions (`document`, `chrome`, `setTimeout`…). */
  globals: UseFact[];
  /** `Date.now`, `Math.random`, `crypto.getRandomValues`, `new Date()` (no argument) and the like. */
  members: UseFact[];
}

const lineOf = (source: ts.SourceFile, node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;

function importSpecifiers(source: ts.SourceFile): { specifier: string; node: ts.Node }[] {
  const found: { specifier: string; node: ts.Node }[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ specifier: node.moduleSpecifier.text, node });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [first] = node.arguments;
      if (first && ts.isStringLiteralLike(first)) found.push({ specifier: first.text, node });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push({ specifier: node.argument.literal.text, node });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Every name the file declares itself (a parameter called `document` is not the global). */
function declaredNames(source: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  const addBinding = (name: ts.BindingName): void => {
    if (ts.isIdentifier(name)) names.add(name.text);
    else for (const element of name.elements) if (!ts.isOmittedExpression(element)) addBinding(element.name);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) || ts.isParameter(node) || ts.isBindingElement(node)) addBinding(node.name);
    else if ((ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node) || ts.isFunctionExpression(node)) && node.name) names.add(node.name.text);
    else if (ts.isImportClause(node) && node.name) names.add(node.name.text);
    else if (ts.isImportSpecifier(node) || ts.isNamespaceImport(node)) names.add(node.name.text);
    else if (ts.isEnumDeclaration(node)) names.add(node.name.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
}

function inTypePosition(node: ts.Node): boolean {
  for (let current: ts.Node | undefined = node.parent; current; current = current.parent) {
    if (ts.isTypeNode(current) && !ts.isExpressionWithTypeArguments(current)) return true;
    if (ts.isInterfaceDeclaration(current) || ts.isTypeAliasDeclaration(current)) return true;
    if (ts.isHeritageClause(current)) return current.token === ts.SyntaxKind.ImplementsKeyword;
    if (ts.isStatement(current)) return false;
  }
  return false;
}

/** True when the identifier names a property, a declaration or an import rather than reading a binding. */
function notAReference(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return true;
  if (ts.isQualifiedName(parent)) return true;
  if (ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent)) return true;
  if (
    (ts.isPropertyAssignment(parent) ||
      ts.isPropertyDeclaration(parent) ||
      ts.isPropertySignature(parent) ||
      ts.isMethodDeclaration(parent) ||
      ts.isMethodSignature(parent) ||
      ts.isGetAccessor(parent) ||
      ts.isSetAccessor(parent) ||
      ts.isEnumMember(parent) ||
      ts.isBindingElement(parent) ||
      ts.isVariableDeclaration(parent) ||
      ts.isParameter(parent) ||
      ts.isFunctionDeclaration(parent) ||
      ts.isClassDeclaration(parent) ||
      ts.isJsxAttribute(parent)) &&
    parent.name === node
  ) {
    return true;
  }
  return ts.isImportSpecifier(parent) || ts.isImportClause(parent) || ts.isExportSpecifier(parent) || ts.isNamespaceImport(parent);
}

function memberName(node: ts.Node): string | null {
  if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression)) return `${node.expression.text}.${node.name.text}`;
  if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Date' && !node.arguments?.length) {
    return 'new Date()';
  }
  if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Date') return 'Date()';
  return null;
}

export function scanSource(file: string, text: string): FileFacts {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const imports = importSpecifiers(source).map(({ specifier, node }) => ({
    specifier,
    resolved: specifier.startsWith('.') ? posix.normalize(posix.join(posix.dirname(file), specifier)).replace(/\.(tsx?|js|mjs)$/, '') : null,
    line: lineOf(source, node),
  }));
  const declared = declaredNames(source);
  const globals: UseFact[] = [];
  const members: UseFact[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && !declared.has(node.text) && !notAReference(node) && !inTypePosition(node)) {
      globals.push({ name: node.text, line: lineOf(source, node) });
    }
    const member = memberName(node);
    if (member && !inTypePosition(node)) members.push({ name: member, line: lineOf(source, node) });
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { file, imports, globals, members };
}
