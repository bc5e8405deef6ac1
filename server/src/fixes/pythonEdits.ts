import type { TextEdit } from '../core/finding';
import type { PyNode } from '../python/pyNode';

/**
 * Python-side edit builders: insert whole lines next to statements, following the file's
 * indentation and line endings, never touching other text.
 */

const COMPOUND = new Set(['for_statement', 'while_statement', 'if_statement', 'try_statement']);
const CLAUSES = new Set(['elif_clause', 'else_clause', 'except_clause', 'except_group_clause', 'finally_clause']);

/**
 * The statement to insert after so that new code runs once the statement at `offset` is done:
 * its own statement, lifted out of loops, `if`s, `try`s and `with engine.connect()` blocks (a
 * checked-out connection survives dispose()), but kept inside `with app.app_context():`
 * (Flask-SQLAlchemy needs it) and inside its function.
 */
export function statementAfter(root: PyNode, offset: number): PyNode | undefined {
  let node: PyNode | undefined = root;
  let statement: PyNode | undefined;
  for (;;) {
    const child: PyNode | undefined = node.children.find((c) => c.start <= offset && offset < c.end);
    if (!child) break;
    if (node.type === 'block' || node.type === 'module') statement = child;
    node = child;
  }
  while (statement?.parent?.type === 'block') {
    let owner = statement.parent.parent;
    while (owner && CLAUSES.has(owner.type)) owner = owner.parent;
    const climb = owner && (COMPOUND.has(owner.type) || (owner.type === 'with_statement' && !isAppContext(owner)));
    if (!owner || !climb) break;
    statement = owner;
  }
  return statement;
}

/** Leading blanks of the line that contains `offset`. */
export function indentAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
}

/** The line ending the file uses (its first one), `\n` when it has none. */
export function eolOf(text: string): string {
  const i = text.indexOf('\n');
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}

/** Inserts `line` as a new line after the line on which `node` ends, indented like `node`. */
export function insertLineAfter(file: string, text: string, node: PyNode, line: string): TextEdit {
  const indent = indentAt(text, node.start);
  const eol = eolOf(text);
  const newline = text.indexOf('\n', node.end);
  if (newline < 0) return { file, start: text.length, end: text.length, newText: `${eol}${indent}${line}` };
  return { file, start: newline + 1, end: newline + 1, newText: `${indent}${line}${eol}` };
}

/** The file's indentation unit: the first indented line's blanks, four spaces by default. */
export function indentUnit(text: string): string {
  const match = /\n([ \t]+)\S/.exec(text);
  return match ? match[1] : '    ';
}

/** After the last top-level import (or `from __future__`/docstring), where a new import line belongs. */
export function importInsertionOffset(root: PyNode, text: string): number {
  let after: PyNode | undefined;
  for (const statement of root.children) {
    const isImport = statement.type === 'import_statement' || statement.type === 'import_from_statement' || statement.type === 'future_import_statement';
    const isDocstring = statement === root.children[0] && statement.type === 'expression_statement' && statement.children[0]?.type === 'string';
    if (isImport || isDocstring) after = statement;
    else if (after || statement.type !== 'expression_statement') break;
  }
  if (!after) return 0;
  const newline = text.indexOf('\n', after.end);
  return newline < 0 ? text.length : newline + 1;
}

/** `with app.app_context():` (or a request context): Flask-SQLAlchemy's engine is reachable inside. */
export function isAppContext(node: PyNode): boolean {
  return node.type === 'with_statement' && /\b(app_context|test_request_context|request_context)\s*\(/.test(node.children.find((c) => c.type === 'with_clause')?.text ?? '');
}

/** Whether `node` sits in an app-context `with` block of its own function (or module). */
export function insideAppContext(node: PyNode): boolean {
  for (let n = node.parent; n && n.type !== 'function_definition'; n = n.parent) if (isAppContext(n)) return true;
  return false;
}
