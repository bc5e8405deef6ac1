import { getAttr, setAttr } from './attributes';
import { callMethod, callValue } from './calls';
import { evalComprehension, isComprehension } from './comprehensions';
import { consumeArguments, iterated } from './generators';
import type { ImportRun } from './importRun';
import { MAX_NESTING, siteLabel } from './importRun';
import type { PyNode } from './pyNode';
import { stringValue } from './pyNode';
import type { Scope } from './scope';
import { bind, lookup } from './scope';
import { UNKNOWN, type Value } from './values';

export interface Args {
  positional: Value[];
  keywords: Map<string, Value>;
}

/** Evaluates an expression for its value and side effects (calls); unmodelled shapes give `unknown`. */
export function evalExpr(run: ImportRun, node: PyNode | undefined, scope: Scope): Value {
  if (!node || run.truncated) return UNKNOWN;
  if (run.nesting >= MAX_NESTING) return UNKNOWN; // generated or pathological nesting: skip the subtree only
  run.nesting++;
  try {
    return evalNode(run, node, scope);
  } finally {
    run.nesting--;
  }
}

function evalNode(run: ImportRun, node: PyNode, scope: Scope): Value {
  switch (node.type) {
    case 'identifier':
      return lookup(scope, node.text);
    case 'attribute':
      return getAttr(run, evalExpr(run, node.get('object'), scope), node.get('attribute')?.text ?? '');
    case 'call':
      return evalCall(run, node, scope);
    case 'string':
    case 'concatenated_string': {
      for (const part of node.descendants('interpolation')) evalExpr(run, part.children[0], scope);
      const text = stringValue(node);
      return text === undefined ? UNKNOWN : { kind: 'const', value: text };
    }
    case 'integer':
    case 'float':
      return { kind: 'const', value: Number(node.text.replace(/_/g, '')) };
    case 'true':
    case 'false':
      return { kind: 'const', value: node.type === 'true' };
    case 'none':
      return { kind: 'const', value: null };
    case 'dictionary': {
      const entries = new Map<string, Value>();
      for (const pair of node.ofType('pair')) {
        const key = stringValue(pair.get('key'));
        const value = evalExpr(run, pair.get('value'), scope);
        if (key !== undefined) entries.set(key, value);
      }
      return { kind: 'dict', entries };
    }
    case 'list':
    case 'tuple':
    case 'set':
    case 'expression_list':
      return { kind: 'sequence', items: node.children.map((c) => evalExpr(run, c, scope)) };
    case 'parenthesized_expression':
      return evalExpr(run, node.children[0], scope);
    case 'await': {
      const value = evalExpr(run, node.children[0], scope);
      return value.kind === 'generator' ? value.consume() : value;
    }
    case 'assignment':
      return evalAssignment(run, node, scope);
    case 'named_expression': {
      const value = evalExpr(run, node.get('value'), scope);
      const name = node.get('name');
      if (name) assignTo(run, name, value, scope);
      return value;
    }
    case 'augmented_assignment':
      evalExpr(run, node.get('right'), scope);
      return UNKNOWN;
    case 'conditional_expression': {
      const values = node.children.map((c) => evalExpr(run, c, scope));
      return values[0];
    }
    case 'boolean_operator': {
      const left = evalExpr(run, node.get('left'), scope);
      const right = evalExpr(run, node.get('right'), scope);
      return left.kind === 'unknown' || left.kind === 'const' ? right : left;
    }
    case 'subscript': {
      const value = evalExpr(run, node.get('value'), scope);
      const key = stringValue(node.get('subscript'));
      evalExpr(run, node.get('subscript'), scope);
      return value.kind === 'dict' && key !== undefined ? value.entries.get(key) ?? UNKNOWN : UNKNOWN;
    }
    case 'yield': {
      // `yield x` hands x to whoever iterates; `yield from g` iterates g here.
      const value = evalExpr(run, node.children[0], scope);
      const delegated = /^yield\s+from\b/.test(node.text) ? iterated(value) : undefined;
      scope.yielded ??= delegated ? (delegated.kind === 'sequence' ? delegated.items[0] ?? UNKNOWN : UNKNOWN) : value;
      return UNKNOWN;
    }
    case 'lambda':
      // A value to call later (`after_in_child=lambda: engine.dispose()`); its body runs only if called.
      return { kind: 'function', def: node, module: scope.module, name: '<lambda>', enclosing: scope.kind === 'function' ? [scope.locals, ...scope.enclosing] : [] };
    default:
      if (isComprehension(node)) return evalComprehension(run, node, scope);
      for (const child of node.children) evalExpr(run, child, scope);
      return UNKNOWN;
  }
}

function evalAssignment(run: ImportRun, node: PyNode, scope: Scope): Value {
  const right = node.get('right');
  const value = right ? evalExpr(run, right, scope) : UNKNOWN;
  const left = node.get('left');
  if (left && right) assignTo(run, left, value, scope);
  return value;
}

/** Binds an assignment target; values stored where they outlive the call (globals, attributes) are marked. */
export function assignTo(run: ImportRun, target: PyNode, value: Value, scope: Scope): void {
  switch (target.type) {
    case 'identifier':
      if (bind(scope, target.text, value)) markStored(value);
      return;
    case 'attribute': {
      const object = evalExpr(run, target.get('object'), scope);
      setAttr(run, object, target.get('attribute')?.text ?? '', value, { file: scope.file, start: target.start, end: target.end, label: siteLabel(target.parent?.text ?? target.text) });
      markStored(value);
      return;
    }
    case 'subscript':
      evalExpr(run, target.get('value'), scope);
      markStored(value);
      return;
    case 'pattern_list':
    case 'tuple_pattern':
    case 'list_pattern':
    case 'tuple':
    case 'list': {
      const items = value.kind === 'sequence' ? value.items : [];
      target.children.forEach((child, i) => assignTo(run, child, items[i] ?? UNKNOWN, scope));
      return;
    }
    default:
      return;
  }
}

/** Kept in a global or on an object: it lives for the process (and crosses the fork). */
export function markStored(value: Value): void {
  if (value.kind === 'resource') value.resource.stored = true;
  if ((value.kind === 'sequence' || value.kind === 'dict') && !value.stored) {
    value.stored = true;
    if (value.kind === 'sequence') value.items.forEach(markStored);
    else value.entries.forEach(markStored);
  }
}

export function evalArgs(run: ImportRun, node: PyNode | undefined, scope: Scope): Args {
  const args: Args = { positional: [], keywords: new Map() };
  if (!node) return args;
  if (node.type === 'generator_expression') {
    evalExpr(run, node, scope);
    args.positional.push(UNKNOWN);
    return args;
  }
  for (const child of node.children) {
    if (child.type === 'keyword_argument') {
      args.keywords.set(child.get('name')?.text ?? '', evalExpr(run, child.get('value'), scope));
    } else if (child.type === 'list_splat' || child.type === 'dictionary_splat') {
      evalExpr(run, child.children[0], scope);
    } else {
      args.positional.push(evalExpr(run, child, scope));
    }
  }
  return args;
}

function evalCall(run: ImportRun, node: PyNode, scope: Scope): Value {
  const fn = node.get('function');
  if (fn?.type === 'attribute') {
    const receiver = evalExpr(run, fn.get('object'), scope);
    const args = evalArgs(run, node.get('arguments'), scope);
    if (!isWorkspaceCode(receiver)) consumeArguments(undefined, args.positional, args.keywords);
    return callMethod(run, receiver, fn.get('attribute')?.text ?? '', args, node, scope);
  }
  const callee = evalExpr(run, fn, scope);
  const args = evalArgs(run, node.get('arguments'), scope);
  if (callee.kind !== 'function' && callee.kind !== 'class') {
    const builtin = callee.kind === 'unknown' && fn?.type === 'identifier' ? fn.text : undefined;
    const value = consumeArguments(builtin, args.positional, args.keywords);
    if (value) return value;
  }
  return callValue(run, callee, args, node, scope);
}

/** Receivers whose methods we follow: they iterate a generator argument themselves (or not). */
function isWorkspaceCode(receiver: Value): boolean {
  return receiver.kind === 'module' || receiver.kind === 'class' || receiver.kind === 'instance';
}
