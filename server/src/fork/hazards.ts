import type { AppEntry } from '../app/appEntry';
import type { Effect, Hook } from '../python/importRun';
import { ownerOf } from '../python/importRun';
import type { ImportModel } from '../python/importModel';
import type { Frame, Resource } from '../python/values';
import type { ForkModel } from './forkModel';

/** Something the import leaves open when uWSGI forks: the core of UW301, UW303 and UW304. */
export interface ForkHazard {
  entryIndex: number;
  entry: AppEntry;
  family: 'database' | 'network';
  /** `held`: one connection object for the process (raw driver, global Connection); `pooled`: an engine's pool. */
  lifetime: 'held' | 'pooled' | 'client';
  /** The socket owner (engine, driver connection, client). */
  owner: Resource;
  /** The first I/O: where the connection is opened, and where the Python finding lands. */
  first: Effect;
  /** The last import-time I/O on the owner: a `dispose()` belongs after it. */
  last: Effect;
  effects: Effect[];
}

/** A post-fork cleanup that the config never runs (UW305). */
export interface DeadHook {
  site: Frame;
  chain: Frame[];
  entryIndex: number;
  reason: 'lazy' | 'noMaster' | 'noAfterFork' | 'overwritten';
  kind: Hook['kind'] | 'uwsgidecoratorsImport';
}

const IO_KINDS = new Set(['connect', 'query', 'ddl', 'write', 'client']);

/** Open connections at fork time, after the mitigations that really run are taken into account. */
export function forkHazards(model: ImportModel, fork: ForkModel): ForkHazard[] {
  const hazards: ForkHazard[] = [];
  const cleaned = cleanedByHooks(model, fork);
  const groups = new Map<string, Effect[]>();
  for (const effect of model.effects) {
    if (effect.phase !== 'import') continue;
    const key = `${effect.entryIndex}:${ownerOf(effect.resource).id}`;
    groups.set(key, [...(groups.get(key) ?? []), effect]);
  }
  for (const effects of groups.values()) {
    const owner = ownerOf(effects[0].resource);
    const entry = model.entries[effects[0].entryIndex];
    const io = effects.filter((e) => IO_KINDS.has(e.kind));
    if (io.length === 0 || !entry) continue;
    const at = model.atFork.get(owner);
    const make = (lifetime: ForkHazard['lifetime'], list: Effect[]): ForkHazard => ({
      entryIndex: list[0].entryIndex, entry, family: owner.family ?? 'database', lifetime, owner,
      first: list[0], last: list[list.length - 1], effects: list,
    });
    if (owner.kind === 'client') {
      if (!at?.closed && !cleaned.has(owner)) hazards.push(make('client', io));
    } else if (owner.kind === 'driverConnection' || owner.kind === 'peeweeDb') {
      const open = owner.kind === 'peeweeDb' ? at?.opened : at?.stored;
      if (open && !at?.closed && !cleaned.has(owner)) hazards.push(make('held', io));
    } else {
      hazards.push(...engineHazards(model, owner, io, effects, cleaned, make));
    }
  }
  return hazards.sort((a, b) => a.first.seq - b.first.seq);
}

/** Engine I/O: a global Connection is held; everything else stays in the pool unless disposed or NullPool. */
function engineHazards(
  model: ImportModel, owner: Resource, io: Effect[], all: Effect[], cleaned: Set<Resource>,
  make: (lifetime: ForkHazard['lifetime'], list: Effect[]) => ForkHazard,
): ForkHazard[] {
  const out: ForkHazard[] = [];
  const heldBy = new Map<Resource, Effect[]>();
  const pooled: Effect[] = [];
  for (const effect of io) {
    const connection = connectionOf(effect.resource);
    const at = connection ? model.atFork.get(connection) : undefined;
    if (connection && at?.stored && !at.closed) heldBy.set(connection, [...(heldBy.get(connection) ?? []), effect]);
    else pooled.push(effect);
  }
  for (const [connection, list] of heldBy) if (!cleaned.has(connection) && !cleaned.has(owner)) out.push(make('held', list));
  if (pooled.length === 0 || owner.inMemory || owner.nullPool || cleaned.has(owner)) return out;
  if (owner.label === 'Flask-SQLAlchemy engine' && model.fsaNullPool) return out;
  const lastIo = pooled[pooled.length - 1].seq;
  if (all.some((e) => e.kind === 'dispose' && e.seq > lastIo && !e.exceptional)) return out;
  out.push(make('pooled', pooled));
  return out;
}

function connectionOf(resource: Resource): Resource | undefined {
  for (let r: Resource | undefined = resource, i = 0; r && i < 10; r = r.owner, i++) if (r.kind === 'connection') return r;
  return undefined;
}

/** Whether a hook of this kind runs in each worker after the fork under this config. */
export function hookRuns(hook: Hook, fork: ForkModel, model: ImportModel): boolean {
  if (overwritten(hook, model)) return false;
  if (hook.kind === 'postfork') return fork.postforkRuns === true && fork.uwsgidecoratorsImportable === true;
  if (hook.kind === 'postForkHook') return fork.lazy === false;
  if (hook.kind === 'registerAtFork') return fork.registerAtForkRuns && fork.lazy === false;
  return false;
}

/**
 * There is one `uwsgi.post_fork_hook`. Importing uwsgidecorators (the first time) replaces it with
 * its @postfork chain; assigning it after that import replaces the chain, so @postfork functions stop running.
 */
function overwritten(hook: Hook, model: ImportModel): boolean {
  const decorators = model.uwsgidecoratorsImports.map((i) => i.seq);
  if (decorators.length === 0) return false;
  const firstImport = decorators.reduce((a, b) => Math.min(a, b));
  if (hook.kind === 'postForkHook') return firstImport > hook.seq;
  if (hook.kind === 'postfork') return model.hooks.some((h) => h.kind === 'postForkHook' && h.seq > firstImport);
  return false;
}

/** Owners that a post-fork hook which really runs disposes, closes or reconnects. */
function cleanedByHooks(model: ImportModel, fork: ForkModel): Set<Resource> {
  const out = new Set<Resource>();
  for (const hook of model.hooks) {
    if (hook.kind === 'beforeFirstRequest' || !hookRuns(hook, fork, model)) continue;
    for (const effect of hook.effects ?? []) {
      if (effect.kind === 'dispose' || effect.kind === 'close') {
        out.add(effect.resource);
        out.add(ownerOf(effect.resource));
      }
    }
  }
  return out;
}

/** Post-fork cleanups registered where they never run. Conditional verdicts are not guessed. */
export function deadHooks(model: ImportModel, fork: ForkModel): DeadHook[] {
  const out: DeadHook[] = [];
  if (fork.master === false) {
    for (const imp of model.uwsgidecoratorsImports) out.push({ ...imp, reason: 'noMaster', kind: 'uwsgidecoratorsImport' });
  }
  for (const hook of model.hooks) {
    if (hook.kind === 'beforeFirstRequest') continue;
    const base = { site: hook.site, chain: hook.chain, entryIndex: hook.entryIndex, kind: hook.kind };
    if (hook.kind === 'postfork' && fork.master === false) continue; // reported on the import above
    if (fork.lazy === true) out.push({ ...base, reason: 'lazy' });
    else if (overwritten(hook, model)) out.push({ ...base, reason: 'overwritten' });
    else if (hook.kind === 'registerAtFork' && fork.lazy === false && !fork.registerAtForkRuns) out.push({ ...base, reason: 'noAfterFork' });
  }
  return out;
}

/** Schema/seed writes that run once per worker (lazy import or first-request hook), for UW306. */
export interface PerWorkerSetup {
  first: Effect;
  via: 'lazy' | 'beforeFirstRequest';
  entryIndex: number;
}

export function perWorkerSetups(model: ImportModel, fork: ForkModel): PerWorkerSetup[] {
  const out: PerWorkerSetup[] = [];
  // One worker runs it alone: nothing to race with (cheaper and respawns start workers one at a time).
  if (fork.processes <= 1) return out;
  const writes = (e: Effect) => e.kind === 'ddl' || e.kind === 'write';
  for (const hook of model.hooks) {
    if (hook.kind !== 'beforeFirstRequest') continue;
    const first = (hook.effects ?? []).find(writes);
    if (first) out.push({ first, via: 'beforeFirstRequest', entryIndex: hook.entryIndex });
  }
  if (fork.lazy === true) {
    const seen = new Set<number>();
    for (const effect of model.effects) {
      const entry = model.entries[effect.entryIndex];
      if (effect.phase !== 'import' || !writes(effect) || !entry || entry.kind === 'shared-import' || seen.has(effect.entryIndex)) continue;
      seen.add(effect.entryIndex);
      out.push({ first: effect, via: 'lazy', entryIndex: effect.entryIndex });
    }
  }
  return out;
}
