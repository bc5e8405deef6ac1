import { initPythonParser } from '../python/parser';

/**
 * Prepares the parts of the engine that load asynchronously (the Python parser's wasm),
 * once per process, before the first analysis. Adapters await it; the core stays synchronous.
 * A parser that fails to load is reported by the rules that need it, not here.
 */
let ready: Promise<void> | undefined;

export function initEngine(): Promise<void> {
  ready ??= initPythonParser().then(() => undefined);
  return ready;
}
