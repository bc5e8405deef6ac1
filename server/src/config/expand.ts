import type { FileSystem } from '../core/fileSystem';
import { dirname, resolvePath } from '../core/fileSystem';
import type { ConfigProblem, EffectiveEntry } from './model';
import { atoi } from './truthiness';

/** A collected value before the passes: magic already applied per file. */
export interface PendingValue {
  entry: EffectiveEntry;
  magicText: string;
  magicUnresolved: boolean;
}

const MAX_DEPTH = 64;
/** Uncached (cut) expansions could repeat exponentially; each value gets this many lookups. */
const MAX_STEPS = 2000;
/** Placeholders can double a value per level; uWSGI would too, we stop at a size no option needs. */
const MAX_VALUE_LENGTH = 65536;

/**
 * The passes uWSGI runs over all collected values once every file is read
 * (`uwsgi_apply_config_pass`): `$(ENV)`, then `@(file)`, then `%(placeholder)`.
 * We never read the real environment, and only plain-file readers are followed.
 */
export class Expander {
  private readonly done = new Map<EffectiveEntry, { text: string; unresolved: boolean }>();
  private readonly byKey = new Map<string, PendingValue>();
  private readonly active = new Set<EffectiveEntry>();
  private readonly reads = new Map<string, string | undefined>();
  private cuts = 0;
  private steps = 0;

  constructor(
    private readonly pending: readonly PendingValue[],
    private readonly fs: FileSystem,
    private readonly problems: ConfigProblem[],
  ) {
  }

  /** Expands every value not expanded yet, in place on its entry; `pending` may have grown since the last run. */
  run(): void {
    for (const p of this.pending) if (!this.byKey.has(p.entry.key)) this.byKey.set(p.entry.key, p);
    for (const p of this.pending) {
      this.steps = 0;
      const result = this.expand(p, 0);
      p.entry.value = result.text;
      p.entry.unresolved = result.unresolved;
    }
  }

  private expand(p: PendingValue, depth: number): { text: string; unresolved: boolean } {
    const cached = this.done.get(p.entry);
    if (cached) return cached;
    if (this.active.has(p.entry) || depth > MAX_DEPTH || ++this.steps > MAX_STEPS) {
      this.cuts++;
      return { text: p.magicText, unresolved: true };
    }
    const cutsBefore = this.cuts;
    this.active.add(p.entry);
    let unresolved = p.magicUnresolved;
    let text = p.magicText.replace(/\$\(([^)]*)\)/g, (whole) => {
      unresolved = true;
      return whole;
    });
    text = text.replace(/@\(([^)]*)\)/g, (whole, target: string) => {
      const readKey = `${p.entry.file}\0${p.entry.order}\0${target}`;
      if (!this.reads.has(readKey)) this.reads.set(readKey, this.readTarget(target, p.entry));
      const read = this.reads.get(readKey);
      if (read === undefined) {
        unresolved = true;
        return whole;
      }
      return read;
    });
    let budget = MAX_VALUE_LENGTH - text.length;
    text = text.replace(/%\(([^)]*)\)/g, (whole, inner: string) => {
      const value = this.placeholder(inner.trim(), depth);
      if (value === undefined || value.text.length > budget) {
        unresolved = true;
        return whole;
      }
      budget -= value.text.length;
      if (value.unresolved) unresolved = true;
      return value.text;
    });
    this.active.delete(p.entry);
    const result = { text, unresolved };
    // A result cut short by a cycle or the depth limit depends on where the expansion started: not cached.
    if (this.cuts === cutsBefore) this.done.set(p.entry, result);
    return result;
  }

  private placeholder(name: string, depth: number): { text: string; unresolved?: boolean } | undefined {
    const target = this.byKey.get(name);
    if (target) return this.expand(target, depth + 1);
    if (!/\s/.test(name)) return undefined;
    return this.math(name, depth);
  }

  /** `uwsgi_manage_placeholder`: space-separated operands and `+ - * /`, `++`, `--`. */
  private math(expression: string, depth: number): { text: string } | undefined {
    const parts = expression.split(/\s+/);
    const operand = (token: string | undefined): number | undefined => {
      if (token === undefined) return undefined;
      const target = this.byKey.get(token);
      if (target) return atoi(this.expand(target, depth + 1).text);
      return /^[+-]?\d+$/.test(token) ? Number.parseInt(token, 10) : undefined;
    };
    let acc = operand(parts[0]);
    if (acc === undefined) return undefined;
    for (let i = 1; i < parts.length; ) {
      const op = parts[i];
      if (op === '++' || op === '--') {
        acc += op === '++' ? 1 : -1;
        i++;
        continue;
      }
      const right = operand(parts[i + 1]);
      if (right === undefined) return undefined;
      if (op === '+') acc += right;
      else if (op === '-') acc -= right;
      else if (op === '*') acc *= right;
      else if (op === '/' && right !== 0) acc = Math.trunc(acc / right);
      else return undefined;
      i += 2;
    }
    return { text: String(acc) };
  }

  /** Plain files are read (one trailing newline dropped); schemes such as `exec://` never run. */
  private readTarget(target: string, entry: EffectiveEntry): string | undefined {
    if (target.includes('://') || target === '' || target === '-') return undefined;
    const path = resolvePath(dirname(entry.file), target);
    const text = this.fs.readFile(path);
    if (text !== undefined) return text.endsWith('\n') ? text.slice(0, -1) : text;
    // A relative path is opened from uWSGI's working directory, which we do not know.
    if (target.startsWith('/') && entry.origin !== 'environment') {
      this.problems.push({
        kind: 'readerNotFound',
        file: entry.file,
        start: entry.valueSpan.start,
        end: entry.valueSpan.end,
        message: `'@(${target})' reads a file that does not exist: uWSGI stops at startup ("No such file or directory").`,
        chain: entry.includeChain,
        conditional: entry.conditional,
      });
    }
    return undefined;
  }
}
