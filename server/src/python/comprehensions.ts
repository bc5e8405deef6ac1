import { assignTo, evalExpr } from './evalExpressions';
import { iterated } from './generators';
import type { ImportRun } from './importRun';
import type { PyNode } from './pyNode';
import type { Scope } from './scope';
import { UNKNOWN, type Value } from './values';

const COMPREHENSIONS = new Set(['list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression']);

export function isComprehension(node: PyNode): boolean {
  return COMPREHENSIONS.has(node.type);
}

/**
 * `[psycopg2.connect(d) for d in DSNS]`: the body runs once per item at import, in its own scope
 * (loop names do not leak). One pass stands for every item, and the result holds what the body made,
 * so storing the list in a global stores the connections. A generator runs only when consumed; it is
 * still run (conservatively) but holds nothing.
 */
export function evalComprehension(run: ImportRun, node: PyNode, scope: Scope): Value {
  const inner: Scope = {
    ...scope,
    locals: new Map(),
    kind: 'function',
    globals: new Set(),
    enclosing: scope.kind === 'function' ? [scope.locals, ...scope.enclosing] : scope.enclosing,
    returned: undefined,
  };
  for (const clause of node.children) {
    if (clause.type === 'for_in_clause') {
      const iterable = iterated(evalExpr(run, clause.get('right'), inner));
      const item = iterable.kind === 'sequence' && iterable.items.length > 0 ? iterable.items[0] : UNKNOWN;
      const target = clause.get('left');
      if (target) assignTo(run, target, item, inner);
    } else if (clause.type === 'if_clause') {
      evalExpr(run, clause.children[0], inner);
    }
  }
  const body = node.get('body');
  if (node.type === 'generator_expression') {
    evalExpr(run, body, inner);
    return UNKNOWN;
  }
  if (body?.type === 'pair') {
    evalExpr(run, body.get('key'), inner);
    // Keys are unknown; one entry stands for all, so `.values()` and `.items()` still reach what was made.
    return { kind: 'dict', entries: new Map([['<each>', evalExpr(run, body.get('value'), inner)]]) };
  }
  return { kind: 'sequence', items: [evalExpr(run, body, inner)] };
}
