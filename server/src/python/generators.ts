import type { PyNode } from './pyNode';
import type { Value } from './values';

const isGenerator = new WeakMap<PyNode, boolean>();

/** A `def` whose own body (not a nested def, lambda or class) contains `yield`: calling it runs nothing yet. */
export function isGeneratorFunction(def: PyNode): boolean {
  if (def.type !== 'function_definition') return false;
  let known = isGenerator.get(def);
  if (known === undefined) {
    known = containsYield(def.get('body'));
    isGenerator.set(def, known);
  }
  return known;
}

/** `async def`: calling it makes a coroutine; the body runs when awaited or handed to `asyncio.run()`. */
export function isCoroutineFunction(def: PyNode): boolean {
  return def.type === 'function_definition' && /^async\s/.test(def.text);
}

function containsYield(node: PyNode | undefined): boolean {
  if (!node) return false;
  for (const child of node.children) {
    if (child.type === 'yield') return true;
    if (child.type === 'function_definition' || child.type === 'lambda' || child.type === 'class_definition') continue;
    if (containsYield(child)) return true;
  }
  return false;
}

/** Iterating a generator runs its body now (once; it cannot be replayed): a sequence of what it yielded first. */
export function iterated(value: Value): Value {
  return value.kind === 'generator' ? { kind: 'sequence', items: [value.consume()] } : value;
}

/** Builtins that iterate their argument and give back what it held. */
const COLLECTING = new Set(['list', 'tuple', 'set', 'frozenset', 'sorted']);

/**
 * A generator handed to code we do not follow (a builtin, a library call, a driver's `executemany`)
 * is iterated there: run it now. Returns the call's value for `next(g)` / `list(g)`.
 */
export function consumeArguments(builtin: string | undefined, positional: Value[], keywords: Map<string, Value>): Value | undefined {
  for (let i = 0; i < positional.length; i++) positional[i] = iterated(positional[i]);
  for (const [k, v] of keywords) keywords.set(k, iterated(v));
  const first = positional[0];
  if (builtin === 'next') return first?.kind === 'sequence' ? first.items[0] : undefined;
  if (builtin && COLLECTING.has(builtin) && first?.kind === 'sequence') return first;
  return undefined;
}
