import type { IniEntry } from '../ini/model';
import type { ConfigVariable } from './model';

const IF_ENV = new Set(['if-env', 'ifenv']);

/**
 * A declared value that still holds `${VAR}`/`$VAR` (compose interpolation, a Dockerfile variable we
 * could not resolve) is only known on the host: the variable is set, but not to this text.
 */
export function isInterpolated(value: string): boolean {
  return /\$\{[^}]*\}|\$[A-Za-z_]/.test(value);
}

/**
 * Whether an entry inside an `if-env`/`if-not-env` block applies, judged by the variables the
 * deployment declares for the process (`uwsgi_logic_opt_if_env`: set, even empty, is true; `VAR=value`
 * compares exactly). The condition sees raw text: no `$()`/`%()` expansion. Undefined when the block
 * is another kind, has `else` branches, or names a variable the deployment does not declare.
 */
export function envBlockApplies(entry: IniEntry, variables: ReadonlyMap<string, ConfigVariable>): boolean | undefined {
  const block = entry.block;
  if (!block || block.open === entry || block.close === entry || block.elses.length > 0) return undefined;
  const negated = block.open.key === 'if-not-env';
  if (!negated && !IF_ENV.has(block.open.key)) return undefined;
  const condition = block.open.value.trim();
  const eq = condition.indexOf('=');
  const name = eq < 0 ? condition : condition.slice(0, eq);
  const declared = variables.get(name);
  if (!declared) return undefined;
  if (eq >= 0 && isInterpolated(declared.value)) return undefined;
  const matches = eq < 0 || declared.value === condition.slice(eq + 1);
  return negated ? !matches : matches;
}
