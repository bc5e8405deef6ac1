import type { FileSystem } from '../core/fileSystem';
import { dirname, resolvePath } from '../core/fileSystem';
import { replaceParenthesised } from '../core/parenthesised';
import type { UwsgiVersion } from '../core/settings';
import { isInterpolated } from './blockConditions';
import type { ConfigProblem, ConfigVariable, EffectiveEntry } from './model';
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

interface Expansion {
  text: string;
  unresolved: boolean;
  unknown: boolean;
  variables: ConfigVariable[];
}

/**
 * The passes uWSGI runs over all collected values once every file is read
 * (`uwsgi_apply_config_pass`): `$(ENV)`, then `@(file)`, then `%(placeholder)`.
 * We never read the real environment: `$(VAR)` takes the value the deployment declares for the
 * process, and an undeclared one stays verbatim and unknown. Only plain-file readers are followed.
 */
export class Expander {
  private readonly done = new Map<EffectiveEntry, Expansion>();
  private readonly variables: ReadonlyMap<string, ConfigVariable>;
  private readonly byKey = new Map<string, PendingValue>();
  private readonly active = new Set<EffectiveEntry>();
  private readonly reads = new Map<string, string | undefined>();
  private cuts = 0;
  private steps = 0;

  constructor(
    private readonly pending: readonly PendingValue[],
    private readonly fs: FileSystem,
    private readonly problems: ConfigProblem[],
    variables: readonly ConfigVariable[] = [],
    private readonly version: UwsgiVersion = '2.0.30',
  ) {
    this.variables = new Map(variables.map((v) => [v.name, v]));
  }

  /** Expands every value not expanded yet, in place on its entry; `pending` may have grown since the last run. */
  run(): void {
    for (const p of this.pending) if (!this.byKey.has(p.entry.key)) this.byKey.set(p.entry.key, p);
    for (const p of this.pending) {
      this.steps = 0;
      const result = this.expand(p, 0);
      p.entry.value = result.text;
      p.entry.unresolved = result.unresolved;
      p.entry.unknown = result.unknown;
      p.entry.variables = result.variables.length > 0 ? result.variables : undefined;
    }
  }

  private expand(p: PendingValue, depth: number): Expansion {
    const cached = this.done.get(p.entry);
    if (cached) return cached;
    if (this.active.has(p.entry) || depth > MAX_DEPTH || ++this.steps > MAX_STEPS) {
      this.cuts++;
      return { text: p.magicText, unresolved: true, unknown: true, variables: [] };
    }
    const cutsBefore = this.cuts;
    this.active.add(p.entry);
    // Runtime magic (`%h`, `%t`) is only known on the host.
    let unresolved = p.magicUnresolved;
    let unknown = p.magicUnresolved;
    const variables: ConfigVariable[] = [];
    let text = replaceParenthesised(p.magicText, '$', (whole, name) => {
      const found = this.variable(name);
      if (found === undefined) {
        unresolved = true;
        unknown = true;
        return whole;
      }
      if (found.variable) variables.push(found.variable);
      return found.text;
    });
    text = replaceParenthesised(text, '@', (whole, target) => {
      const readKey = `${p.entry.file}\0${p.entry.order}\0${target}`;
      if (!this.reads.has(readKey)) this.reads.set(readKey, this.readTarget(target, p.entry));
      const read = this.reads.get(readKey);
      if (read === undefined) {
        unresolved = true;
        unknown = true;
        return whole;
      }
      return read;
    });
    let budget = MAX_VALUE_LENGTH - text.length;
    text = replaceParenthesised(text, '%', (whole, inner) => {
      const value = this.placeholder(inner.trim(), depth);
      if (value === undefined || value.text.length > budget) {
        unresolved = true;
        return whole;
      }
      budget -= value.text.length;
      if (value.unresolved) unresolved = true;
      if (value.unknown) unknown = true;
      for (const v of value.variables ?? []) if (!variables.includes(v)) variables.push(v);
      return value.text;
    });
    this.active.delete(p.entry);
    const result = { text, unresolved, unknown, variables };
    // A result cut short by a cycle or the depth limit depends on where the expansion started: not cached.
    if (this.cuts === cutsBefore) this.done.set(p.entry, result);
    return result;
  }

  /**
   * `$(NAME)` as the deployment declares it. 2.1 also has `$(NAME:-default)` (unset or empty) and
   * `$(NAME-default)` (unset); 2.0 looks the whole text up as a name. Undefined: only known at startup.
   */
  private variable(inner: string): { text: string; variable?: ConfigVariable } | undefined {
    const plain = this.variables.get(inner);
    if (plain) return isInterpolated(plain.value) ? undefined : { text: plain.value, variable: plain };
    if (this.version !== '2.1') return undefined;
    const match = /^([^:-]+)(:?)-(.*)$/.exec(inner);
    if (!match) return undefined;
    const declared = this.variables.get(match[1]);
    if (!declared || isInterpolated(declared.value)) return undefined;
    const useDefault = match[2] === ':' && declared.value === '';
    return useDefault ? { text: match[3], variable: declared } : { text: declared.value, variable: declared };
  }

  private placeholder(name: string, depth: number): { text: string; unresolved?: boolean; unknown?: boolean; variables?: ConfigVariable[] } | undefined {
    const target = this.byKey.get(name);
    if (target) return this.expand(target, depth + 1);
    if (!/\s/.test(name)) return undefined;
    return this.math(name, depth);
  }

  /** `uwsgi_manage_placeholder`: space-separated operands and `+ - * /`, `++`, `--`. */
  private math(expression: string, depth: number): { text: string; unknown: boolean } | undefined {
    const parts = expression.split(/\s+/);
    let unknown = false;
    const operand = (token: string | undefined): number | undefined => {
      if (token === undefined) return undefined;
      const target = this.byKey.get(token);
      if (target) {
        const value = this.expand(target, depth + 1);
        if (value.unknown) unknown = true;
        return atoi(value.text);
      }
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
    return { text: String(acc), unknown };
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
