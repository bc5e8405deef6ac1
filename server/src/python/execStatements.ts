import { closeOnExit } from './callCatalog';
import { evalDecorated } from './decorators';
import { assignTo, evalExpr, markStored } from './evalExpressions';
import { execImport, execImportFrom } from './execImports';
import { iterated } from './generators';
import type { ImportRun } from './importRun';
import { MAX_NESTING, MAX_STEPS } from './importRun';
import type { PyNode } from './pyNode';
import { stringValue } from './pyNode';
import type { Scope } from './scope';
import { bind } from './scope';
import { resourceOf, UNKNOWN, type ClassValue, type FunctionValue, type Value } from './values';

/**
 * Runs a block the way the module import would, conservatively: every branch of an `if` may
 * run (except `if __name__ == "__main__":`), loop bodies run once, `try` runs body, handlers
 * and `finally`. Function bodies run only when called. Returns false once the block `return`s.
 */
export function execBlock(run: ImportRun, statements: readonly PyNode[], scope: Scope): boolean {
  for (const statement of statements) {
    if (run.truncated) return false;
    if (++run.steps > MAX_STEPS) {
      run.truncated = true;
      return false;
    }
    if (run.nesting >= MAX_NESTING) return false;
    run.nesting++;
    try {
      if (!execStatement(run, statement, scope)) return false;
    } finally {
      run.nesting--;
    }
  }
  return true;
}

function execStatement(run: ImportRun, node: PyNode, scope: Scope): boolean {
  switch (node.type) {
    case 'expression_statement':
      for (const child of node.children) evalExpr(run, child, scope);
      return true;
    case 'import_statement':
      execImport(run, node, scope);
      return true;
    case 'import_from_statement':
      execImportFrom(run, node, scope);
      return true;
    case 'function_definition':
      bind(scope, node.get('name')?.text ?? '', functionValue(run, node, scope));
      return true;
    case 'class_definition':
      execClass(run, node, scope);
      return true;
    case 'decorated_definition':
      evalDecorated(run, node, scope);
      return true;
    case 'if_statement':
      execIf(run, node, scope);
      return true;
    case 'with_statement':
      execWith(run, node, scope);
      return true;
    case 'for_statement':
      execFor(run, node, scope);
      return true;
    case 'while_statement':
      evalExpr(run, node.get('condition'), scope);
      execBlock(run, node.get('body')?.children ?? [], scope);
      return true;
    case 'try_statement':
      execTry(run, node, scope);
      return true;
    case 'return_statement': {
      const value = node.children[0] ? evalExpr(run, node.children[0], scope) : UNKNOWN;
      if (scope.returned === undefined) scope.returned = value;
      return false;
    }
    case 'raise_statement':
      return false;
    case 'global_statement':
    case 'nonlocal_statement':
      for (const name of node.ofType('identifier')) scope.globals.add(name.text);
      return true;
    case 'match_statement':
      evalExpr(run, node.get('subject'), scope);
      for (const clause of node.get('body')?.children ?? []) execBlock(run, clause.get('consequence')?.children ?? [], scope);
      return true;
    case 'block':
      return execBlock(run, node.children, scope);
    case 'ERROR':
      execRecovered(run, node, scope);
      return true;
    default:
      return true;
  }
}

/** `def` evaluates default values right away, and the function object keeps them for the process. */
/**
 * A region tree-sitter could not parse: statements inside still run, a `name = value` it read as
 * a keyword argument is still an assignment, and other expressions are evaluated for their calls.
 */
function execRecovered(run: ImportRun, node: PyNode, scope: Scope): void {
  for (const child of node.children) {
    if (/_statement$|_definition$|^block$|^ERROR$/.test(child.type)) execBlock(run, [child], scope);
    else if (child.type === 'keyword_argument') {
      const target = child.get('name');
      const value = evalExpr(run, child.get('value'), scope);
      if (target) assignTo(run, target, value, scope);
    } else evalExpr(run, child, scope);
  }
}

export function functionValue(run: ImportRun, node: PyNode, scope: Scope): FunctionValue {
  const enclosing = scope.kind === 'function' ? [scope.locals, ...scope.enclosing] : [];
  const defaults = new Map<string, Value>();
  for (const param of node.get('parameters')?.children ?? []) {
    const value = param.get('value');
    const name = param.get('name')?.text;
    if (!value || !name) continue;
    const evaluated = evalExpr(run, value, scope);
    markStored(evaluated);
    defaults.set(name, evaluated);
  }
  return { kind: 'function', def: node, module: scope.module, name: node.get('name')?.text ?? '<function>', enclosing, defaults };
}

export function execClass(run: ImportRun, node: PyNode, scope: Scope): void {
  const bases = (node.get('superclasses')?.children ?? [])
    .filter((c) => c.type !== 'keyword_argument')
    .map((c) => evalExpr(run, c, scope));
  const cls: ClassValue = { kind: 'class', def: node, module: scope.module, name: node.get('name')?.text ?? '', attrs: new Map(), bases };
  const classScope: Scope = { ...scope, locals: cls.attrs, kind: 'class', globals: new Set(), returned: undefined };
  execBlock(run, node.get('body')?.children ?? [], classScope);
  bind(scope, cls.name, cls);
}

/** `if __name__ == '__main__':` never runs under uWSGI; its `else` does. */
function isMainGuard(condition: PyNode | undefined): 'main' | 'notMain' | undefined {
  if (condition?.type !== 'comparison_operator' || condition.children.length !== 2) return undefined;
  const [a, b] = condition.children;
  const sides = [a.text, stringValue(b)].concat([b.text, stringValue(a)]);
  const mentions = (sides[0] === '__name__' && sides[1] === '__main__') || (sides[2] === '__name__' && sides[3] === '__main__');
  if (!mentions) return undefined;
  return /!=|\bis\s+not\b/.test(condition.text) ? 'notMain' : 'main';
}

function execIf(run: ImportRun, node: PyNode, scope: Scope): void {
  const guard = isMainGuard(node.get('condition'));
  if (guard !== 'main') {
    evalExpr(run, node.get('condition'), scope);
    execBlock(run, node.get('consequence')?.children ?? [], scope);
  }
  if (guard === 'notMain') return;
  for (const alternative of node.all('alternative')) {
    if (alternative.type === 'elif_clause') {
      evalExpr(run, alternative.get('condition'), scope);
      execBlock(run, alternative.get('consequence')?.children ?? [], scope);
    } else {
      execBlock(run, alternative.get('body')?.children ?? [], scope);
    }
  }
}

function execWith(run: ImportRun, node: PyNode, scope: Scope): void {
  const opened: Value[] = [];
  for (const clause of node.ofType('with_clause')) {
    for (const item of clause.ofType('with_item')) {
      const inner = item.get('value');
      if (inner?.type === 'as_pattern') {
        // A generator-based context manager we did not recognise still runs up to its `yield` here.
        const raw = evalExpr(run, inner.children[0], scope);
        const value = raw.kind === 'generator' ? raw.consume() : raw;
        opened.push(value);
        const target = inner.get('alias')?.children[0];
        if (target) assignTo(run, target, value, scope);
      } else {
        const raw = evalExpr(run, inner, scope);
        opened.push(raw.kind === 'generator' ? raw.consume() : raw);
      }
    }
  }
  execBlock(run, node.get('body')?.children ?? [], scope);
  for (const value of opened) {
    const resource = resourceOf(value);
    if (resource) closeOnExit(resource);
  }
}

/** Iterations we follow one by one; longer or unknown iterables run the body once with an unknown item. */
const MAX_ITERATIONS = 8;

/**
 * `for engine in db.engines.values(): engine.dispose()`: the body runs for each known item with the
 * target bound to it, so what it does reaches every element (and `else` runs after the loop).
 */
function execFor(run: ImportRun, node: PyNode, scope: Scope): void {
  const iterable = iterated(evalExpr(run, node.get('right'), scope));
  const target = node.get('left');
  const known = iterable.kind === 'sequence' && iterable.items.length > 0 && iterable.items.length <= MAX_ITERATIONS;
  for (const item of known ? iterable.items : [UNKNOWN]) {
    if (target) assignTo(run, target, item, { ...scope, weak: true });
    if (!execBlock(run, node.get('body')?.children ?? [], scope) || run.truncated) break;
  }
  const otherwise = node.children.find((c) => c.type === 'else_clause');
  if (otherwise) execBlock(run, otherwise.get('body')?.children ?? [], scope);
}

function execTry(run: ImportRun, node: PyNode, scope: Scope): void {
  execBlock(run, node.get('body')?.children ?? [], scope);
  for (const clause of node.children) {
    if (clause.type === 'except_clause' || clause.type === 'except_group_clause') {
      run.inExcept++;
      try {
        execBlock(run, clause.ofType('block').flatMap((b) => b.children), { ...scope, weak: true, fallback: true });
      } finally {
        run.inExcept--;
      }
    } else if (clause.type === 'else_clause') {
      execBlock(run, clause.get('body')?.children ?? [], scope);
    } else if (clause.type === 'finally_clause') {
      execBlock(run, clause.ofType('block').flatMap((b) => b.children), scope);
    }
  }
}
