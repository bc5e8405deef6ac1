import type { Args } from './evalExpressions';
import { markStored } from './evalExpressions';
import { UNKNOWN, type Value } from './values';

const ADDS = new Set(['append', 'appendleft', 'insert', 'add', 'extend', 'update', 'setdefault']);

/**
 * `POOL.append(psycopg2.connect(dsn))`: what goes into a list, set or dict is kept with it, so a
 * container bound in a module global keeps its connections for the process. Undefined for other calls.
 */
export function containerMethod(receiver: Value, name: string, args: Args): Value | undefined {
  if (receiver.kind === 'dict') {
    // Views keep the very values, so `for e in db.engines.values(): e.dispose()` reaches each engine.
    if (name === 'values') return { kind: 'sequence', items: [...receiver.entries.values()] };
    if (name === 'keys') return { kind: 'sequence', items: [...receiver.entries.keys()].map((k): Value => ({ kind: 'const', value: k })) };
    if (name === 'items') {
      return { kind: 'sequence', items: [...receiver.entries].map(([k, v]): Value => ({ kind: 'sequence', items: [{ kind: 'const', value: k }, v] })) };
    }
  }
  if ((receiver.kind !== 'sequence' && receiver.kind !== 'dict') || !ADDS.has(name)) return undefined;
  const added = [...args.positional, ...args.keywords.values()];
  if (receiver.kind === 'sequence') receiver.items.push(...added);
  else added.forEach((value, i) => receiver.entries.set(`<added ${receiver.entries.size + i}>`, value));
  if (receiver.stored) added.forEach(markStored);
  return UNKNOWN;
}
