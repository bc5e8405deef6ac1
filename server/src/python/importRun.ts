import type { AppEntry } from '../app/appEntry';
import type { FileSystem } from '../core/fileSystem';
import type { EffectKind } from './effectCatalog';
import { OWNER_KINDS } from './effectCatalog';
import type { ResolvedModule } from './moduleResolver';
import type { ParsedPython } from './pyNode';
import type { Scope } from './scope';
import type { Frame, ModuleState, Resource, Value } from './values';

/** When an effect runs relative to uWSGI's fork. */
export type Phase = 'import' | 'firstRequest' | 'postfork';

/** One I/O call the import-time model found, with the chain that leads to it. */
export interface Effect {
  kind: EffectKind;
  /** What the call acted on (a connection, a session's engine, a client…). */
  resource: Resource;
  /** The call itself: `db.create_all()`. */
  site: Frame;
  /** Frames from the ini entry down to the function that makes the call (the site excluded). */
  chain: Frame[];
  /** Execution order across the whole run: a `dispose()` after the last query has a higher seq. */
  seq: number;
  phase: Phase;
  /** Index of the entry (in the list given to the model) whose import ran it. */
  entryIndex: number;
  /** Recorded in an `except` handler: a dispose or close there does not run in the normal case. */
  exceptional?: boolean;
  /** Scope of the call, and of each `call` frame of the chain (aligned with it): where fixes may name the engine. */
  scope?: Scope;
  callerScopes: Array<Scope | undefined>;
}

export type HookKind = 'postfork' | 'postForkHook' | 'registerAtFork' | 'beforeFirstRequest';

/** A function registered to run later: after the fork, or on the first request. */
export interface Hook {
  kind: HookKind;
  /** The function (or bound catalog method such as `engine.dispose`) that will run. */
  target?: Value;
  /** The decorator or registration call. */
  site: Frame;
  chain: Frame[];
  entryIndex: number;
  /** Registration order, comparable with effects and uwsgidecorators imports. */
  seq: number;
  /** Effects the hook's body performs when it runs (filled after the import). */
  effects?: Effect[];
}

/** Shared mutable state of one model run; the interpreter functions read and extend it. */
export interface ImportRun {
  fs: FileSystem;
  entries: readonly AppEntry[];
  parse(path: string, text: string): ParsedPython | undefined;
  modules: Map<string, ModuleState>;
  /** Lookups by search path and dotted name, misses included: third-party imports repeat in every module. */
  resolutions: Map<string, ResolvedModule | null>;
  /** Engines handed to extensions such as Flask-Migrate, latest last. */
  registeredEngines: Resource[];
  effects: Effect[];
  hooks: Hook[];
  /** `import uwsgidecorators` / `from uwsgidecorators import …` sites (raises without a master). */
  uwsgidecoratorsImports: Array<{ site: Frame; chain: Frame[]; entryIndex: number; seq: number }>;
  /** The current call chain. */
  frames: Frame[];
  /** For each frame, the scope its call expression sits in (undefined for entries and imports). */
  callerScopes: Array<Scope | undefined>;
  entryIndex: number;
  phase: Phase;
  seq: number;
  nextResourceId: number;
  steps: number;
  /** Inside `except` handlers: code that runs only when something failed. */
  inExcept: number;
  /** Nesting of expressions and blocks being evaluated: pathological nesting stops at MAX_NESTING. */
  nesting: number;
  /** Function definitions on the call stack: recursion is not followed. */
  active: Set<object>;
  /** Set when a budget ran out: the model is partial. */
  truncated: boolean;
  /** Files whose text mentions Flask-SQLAlchemy NullPool engine options. */
  nullPoolFsa: boolean;
  /** Files that could not be parsed (parser unavailable or too large). */
  unparsed: string[];
}

export const MAX_STEPS = 200_000;
export const MAX_DEPTH = 40;
export const MAX_NESTING = 400;

export function newResource(run: ImportRun, fields: Omit<Resource, 'id'>): Resource {
  return { id: run.nextResourceId++, ...fields };
}

/** The socket owner a resource uses: engine, driver connection, client or peewee database. */
export function ownerOf(resource: Resource): Resource {
  let current = resource;
  for (let i = 0; i < 10 && !OWNER_KINDS.includes(current.kind) && current.owner; i++) current = current.owner;
  return current;
}

export function recordEffect(run: ImportRun, kind: EffectKind, resource: Resource, site: Frame): Effect {
  const effect: Effect = {
    kind,
    resource,
    site,
    chain: [...run.frames],
    callerScopes: [...run.callerScopes],
    exceptional: run.inExcept > 0 || undefined,
    seq: run.seq++,
    phase: run.phase,
    entryIndex: run.entryIndex,
  };
  run.effects.push(effect);
  return effect;
}

/** One-line label for a call site: its text, whitespace collapsed, shortened. */
export function siteLabel(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? flat.slice(0, 57) + '…' : flat;
}
