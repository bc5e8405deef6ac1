import type { IniEntry } from '../ini/model';
import type { ConfigVariable, EffectiveEntry } from './model';

const IF_ENV = new Set(['if-env', 'ifenv']);
const IF_OPT = new Set(['if-opt', 'if-not-opt']);

/**
 * A declared value that still holds `${VAR}`/`$VAR` (compose interpolation, a Dockerfile variable we
 * could not resolve) is only known on the host: the variable is set, but not to this text.
 */
export function isInterpolated(value: string): boolean {
  // Not `/\$\{[^}]*\}/`: it rescans from every `${` when no `}` follows, quadratic on a long unbalanced value.
  const open = value.indexOf('${');
  return (open >= 0 && value.indexOf('}', open + 2) >= 0) || /\$[A-Za-z_]/.test(value);
}

/** What a block condition can be judged against while the config is read. */
export interface BlockFacts {
  /** Variables the deployment declares for the process. */
  variables: ReadonlyMap<string, ConfigVariable>;
  /** Options added so far, in order (`UWSGI_*` first): what `if-opt` sees at that point. */
  entries: readonly EffectiveEntry[];
  /** Their values as read (magic applied); `magicUnresolved` when runtime magic (`%h`) stayed verbatim. */
  pending: readonly { entry: EffectiveEntry; magicUnresolved: boolean }[];
}

/**
 * Whether an entry inside an `if-env`/`if-not-env`/`if-opt`/`if-not-opt` block applies. uWSGI judges
 * the condition when it reads the opener (IMMEDIATE), on raw text: no `$()`/`%()` expansion (facts §1).
 * Undefined when the block is another kind, has `else` branches, or the answer is only known at startup.
 */
export function blockApplies(entry: IniEntry, facts: BlockFacts): boolean | undefined {
  const block = entry.block;
  if (!block || block.open === entry || block.close === entry || block.elses.length > 0) return undefined;
  const key = block.open.key;
  const condition = block.open.value.trim();
  const eq = condition.indexOf('=');
  const name = eq < 0 ? condition : condition.slice(0, eq);
  const wanted = eq < 0 ? undefined : condition.slice(eq + 1);
  if (IF_ENV.has(key) || key === 'if-not-env') {
    const matches = envMatches(facts.variables.get(name), wanted);
    return matches === undefined ? undefined : key === 'if-not-env' ? !matches : matches;
  }
  if (IF_OPT.has(key)) {
    const matches = optMatches(facts, block.open, name, wanted);
    return matches === undefined ? undefined : key === 'if-not-opt' ? !matches : matches;
  }
  return undefined;
}

/** `uwsgi_logic_opt_if_env`: set (even empty) is true; `VAR=value` compares exactly. Undeclared: unknown. */
function envMatches(declared: ConfigVariable | undefined, wanted: string | undefined): boolean | undefined {
  if (!declared) return undefined;
  if (wanted === undefined) return true;
  return isInterpolated(declared.value) ? undefined : declared.value === wanted;
}

/**
 * `uwsgi_logic_opt_if_opt`: the FIRST option named exactly `name` added before the opener (any key,
 * unknown ones included), compared as written. Unknown when an earlier one is conditional or expands later.
 */
function optMatches(facts: BlockFacts, opener: IniEntry, name: string, wanted: string | undefined): boolean | undefined {
  const first = facts.entries.find((e) => e.key === name && e.entry !== opener);
  if (!first) return false;
  if (first.conditional) return undefined;
  if (wanted === undefined) return true;
  // `$(…)`/`%(…)` are still verbatim at this point in uWSGI too; runtime magic (`%h`) is not.
  return facts.pending.find((p) => p.entry === first)?.magicUnresolved ? undefined : first.value === wanted;
}
