import type { EffectiveConfig, EffectiveEntry } from '../config/effectiveConfig';
import { effectiveConfigOf } from '../config/effectiveConfig';
import type { UwsgiVersion } from '../core/settings';
import type { RuleContext } from '../rules/rule';

/** Options after which the master forks a fresh worker at runtime (uwsgi-facts §3). */
export const RESPAWN_OPTIONS: readonly string[] = [
  'max-requests', 'max-requests-delta', 'reload-on-rss', 'reload-on-as', 'max-worker-lifetime', 'harakiri',
  'evil-reload-on-rss', 'evil-reload-on-as', 'cheaper', 'touch-workers-reload', 'reload-on-exception',
];

/**
 * When uWSGI imports the app relative to fork(): the facts the fork-safety rules share.
 * The hazard: the app is imported in a process that later forks (master, or worker 1 without one).
 */
export interface ForkModel {
  /** App (`module`, `wsgi-file`, `mount`, `import`) imported before a fork; 'conditional' when an `if-*` entry decides. */
  preforkApp: boolean | 'conditional';
  /** `shared-import` modules: imported in the first process even under lazy-apps, so before any fork there is. */
  preforkShared: boolean | 'conditional';
  lazy: boolean | 'conditional';
  /** The `lazy-apps`/`lazy` entry that decides the mode, truthy or falsy. */
  lazyEntry?: EffectiveEntry;
  master: boolean | 'conditional';
  masterEntry?: EffectiveEntry;
  /** Options that force a master (`stats`, `cheaper`, `mules`…), when no explicit entry decides. */
  masterForcedBy: EffectiveEntry[];
  processes: number;
  processesEntry?: EffectiveEntry;
  /** Master with one worker: the fork happens on every respawn only. */
  respawnOnly: boolean;
  respawnEntries: EffectiveEntry[];
  /** Entries that decided the verdict and come from `UWSGI_*` environment variables. */
  environmentEntries: EffectiveEntry[];
  /** Deciding entries inside `if-*`/`for` blocks. */
  conditionalEntries: EffectiveEntry[];
  /** Deciding entries whose value is only known at startup (a `$(VAR)` the deployment does not declare). */
  unknownEntries: EffectiveEntry[];
  /** Deciding entries whose `$(VAR)` took a value the deployment declares (Dockerfile `ENV LAZY_APPS=0`). */
  variableEntries: EffectiveEntry[];
  /** `@postfork` / `uwsgi.post_fork_hook` run in each worker: master and not lazy. */
  postforkRuns: boolean | 'conditional';
  /** `import uwsgidecorators` raises without a master. */
  uwsgidecoratorsImportable: boolean | 'conditional';
  /** `os.register_at_fork(after_in_child=…)` callbacks are called in workers. */
  registerAtForkRuns: boolean;
  /** e.g. `master = true, processes = 4, lazy-apps not set`. */
  summary: string;
}

export function forkModelOf(context: RuleContext): ForkModel {
  return context.memo(`fork.model:${context.section}`, () => buildForkModel(effectiveConfigOf(context), context.settings.uwsgiVersion));
}

export function buildForkModel(config: EffectiveConfig, version: UwsgiVersion): ForkModel {
  const lazyApps = config.get('lazy-apps');
  const lazyOld = config.get('lazy');
  const lazy = or(flag(config, 'lazy-apps'), flag(config, 'lazy'));
  const lazyEntry = pickLazyEntry(config, lazyApps, lazyOld);
  const masterState = config.masterState();
  const master = masterState.enabled;
  const processesEntry = config.get('processes');
  const processes = processesEntry ? config.intValue('processes') ?? 1 : 1;
  const processesKnown = !processesEntry || !(processesEntry.unknown || processesEntry.conditional);
  // `processes = 0` (or `four`, or empty) runs no workers (facts §1, §3): only mules and spoolers fork then.
  const noWorkers = processesKnown && processes <= 0;
  const forks = noWorkers ? otherChildren(config) : or(master, processesKnown ? processes > 1 : 'conditional');
  const preforkApp = and(not(lazy), forks);
  const respawnEntries = RESPAWN_OPTIONS.flatMap((o) => config.getAll(o)).filter((e) => e.value.trim() !== '0');
  const deciding = [lazyApps, lazyOld, masterState.explicit, processesEntry, ...masterState.forcedBy].filter(
    (e): e is EffectiveEntry => e !== undefined,
  );
  const threads = version !== '2.0.21' || config.truthy('enable-threads') === true || (config.intValue('threads') ?? 0) > 1;
  const osAfterFork = config.truthy('py-call-osafterfork') === true;
  const forkHooks = config.truthy('py-call-uwsgi-fork-hooks') === true && threads;
  return {
    preforkApp,
    preforkShared: forks,
    lazy,
    lazyEntry,
    master,
    masterEntry: masterState.explicit,
    masterForcedBy: masterState.explicit ? [] : masterState.forcedBy,
    processes,
    processesEntry,
    respawnOnly: master === true && processes === 1,
    respawnEntries,
    environmentEntries: deciding.filter((e) => e.origin === 'environment'),
    conditionalEntries: deciding.filter((e) => e.conditional),
    unknownEntries: deciding.filter((e) => e.unknown),
    variableEntries: deciding.filter((e) => e.variables !== undefined),
    postforkRuns: and(master, not(lazy)),
    uwsgidecoratorsImportable: master,
    registerAtForkRuns: osAfterFork || forkHooks,
    summary: summarize(config, master, masterState.forcedBy, processes, lazyApps, lazyOld),
  };
}

/** Mules, farms and spoolers: forked from the master after the app loads, like workers (facts §3). */
const OTHER_CHILDREN: readonly string[] = ['mule', 'mules', 'farm', 'spooler'];

function otherChildren(config: EffectiveConfig): Tri {
  const entries = OTHER_CHILDREN.flatMap((o) => config.getAll(o)).filter((e) => !(e.option === 'mules' && e.value.trim() === '0'));
  if (entries.some((e) => !e.conditional)) return true;
  return entries.length > 0 ? 'conditional' : false;
}

/** A falsy `lazy-apps = false` line is where the fix lands; a truthy one explains the verdict. */
function pickLazyEntry(config: EffectiveConfig, lazyApps?: EffectiveEntry, lazyOld?: EffectiveEntry): EffectiveEntry | undefined {
  if (config.truthy('lazy-apps') === true) return lazyApps;
  if (config.truthy('lazy') === true) return lazyOld;
  return lazyApps ?? lazyOld;
}

function flag(config: EffectiveConfig, option: string): boolean | 'conditional' {
  return config.truthy(option) ?? false;
}

type Tri = boolean | 'conditional';
function not(a: Tri): Tri {
  return a === 'conditional' ? a : !a;
}
function or(a: Tri, b: Tri): Tri {
  if (a === true || b === true) return true;
  return a === 'conditional' || b === 'conditional' ? 'conditional' : false;
}
function and(a: Tri, b: Tri): Tri {
  if (a === false || b === false) return false;
  return a === 'conditional' || b === 'conditional' ? 'conditional' : true;
}

function summarize(
  config: EffectiveConfig, master: Tri, forcedBy: EffectiveEntry[], processes: number,
  lazyApps?: EffectiveEntry, lazyOld?: EffectiveEntry,
): string {
  const parts: string[] = [];
  const explicit = config.get('master');
  if (explicit) parts.push(`master = ${explicit.raw}${explicit.origin === 'environment' ? ` (from ${envName(explicit)})` : ''}`);
  else if (master !== false && forcedBy.length > 0) parts.push(`master forced by \`${forcedBy[0].key}\``);
  else parts.push('no master');
  const p = config.get('processes');
  parts.push(p ? `${p.key} = ${p.raw}${p.origin === 'environment' ? ` (from ${envName(p)})` : ''}` : `processes = ${processes} (default)`);
  for (const e of [lazyApps, lazyOld]) if (e) parts.push(`${e.key} = ${e.raw}${e.origin === 'environment' ? ` (from ${envName(e)})` : ''}`);
  if (!lazyApps && !lazyOld) parts.push('lazy-apps not set');
  return parts.join(', ');
}

function envName(entry: EffectiveEntry): string {
  return entry.environment ? `${entry.environment.variable} in ${entry.environment.via}` : entry.key;
}
