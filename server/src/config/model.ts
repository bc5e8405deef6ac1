import type { Span } from '../core/finding';
import type { UwsgiEnvironmentSetting } from '../deploy/uwsgiEnvironment';
import type { IniDocument, IniEntry, IniSection, TextRange } from '../ini/model';
import type { OptionInfo } from '../options/catalog';

/** A variable the deployment declares for the uWSGI process (Dockerfile `ENV`, compose, systemd): `$(VAR)` reads it. */
export interface ConfigVariable {
  name: string;
  value: string;
  /** The declaration. */
  origin: Span;
  /** e.g. `Dockerfile ENV`. */
  via: string;
}

/** How a file came to be read. */
export type ConfigFileRole = 'root' | 'ini' | 'include' | 'inherit';

/** One file the configuration reads (or tried to read), with the section taken from it. */
export interface ConfigFile {
  path: string;
  /** Section read from this file (`uwsgi` unless `file:section`). */
  section: string;
  role: ConfigFileRole;
  /** Parsed text; undefined when the file is missing or not an ini file. */
  doc?: IniDocument;
  /** The sections of `doc` named `section`, in file order (empty when it has none). */
  sections: IniSection[];
  /** The entry that included this file; undefined for the root. */
  via?: EffectiveEntry;
  /** Whether the file was read only under a runtime condition (include inside `if-*`/`for`). */
  conditional: boolean;
  /** `ini` when parsed here; `other` for yaml/json/xml/URL schemes we do not follow. */
  format: 'ini' | 'other';
  found: boolean;
}

/**
 * One option occurrence in uWSGI's order: `UWSGI_*` environment settings first, then the ini
 * entries with includes expanded in place, `set = k=v` assignments right after their line and
 * `inherit` templates at the end.
 */
export interface EffectiveEntry {
  /** Canonical option name (`workers` → `processes`); the key as written when unknown. */
  option: string;
  /** Name as written (`workers`, `lazy_apps`, the `k` of `set = k=v`). */
  key: string;
  /** Value as written in the file (after the first `=`, trimmed). */
  raw: string;
  /** Value after magic `%x` and `%(placeholder)` expansion; `$(ENV)` stays as written. */
  value: string;
  /** Where the value comes from. `set` = the `k=v` of a `set`/`set-placeholder` line. */
  origin: 'ini' | 'environment' | 'set';
  /** File that owns the text: findings and fixes about this value land here. */
  file: string;
  /** Span of the key (for an environment setting: its declaration). */
  keySpan: Span;
  /** Span of the value as written (for an environment setting: its declaration). */
  valueSpan: Span;
  /** The whole `key = value` text (for an environment setting: its declaration). */
  span: Span;
  /** Parsed file and entry, for ini origins. */
  doc?: IniDocument;
  entry?: IniEntry;
  environment?: UwsgiEnvironmentSetting;
  /** Catalog facts for the option; undefined for unknown names (uWSGI keeps them as placeholders). */
  info?: OptionInfo;
  /** Inside a logic block, or in a file only included under one: may not apply at runtime. */
  conditional: boolean;
  /** `set-placeholder`/`set-ph` values only feed `%(name)` and do not configure anything. */
  placeholderOnly: boolean;
  /** Contains `$(ENV)`/`@(...)` text we could not resolve, or a placeholder that stayed verbatim. */
  unresolved: boolean;
  /**
   * Part of the value is only known when uWSGI starts: a `$(VAR)` the deployment does not declare,
   * runtime magic (`%h`), an `@(…)` we do not read, an expansion we cut short. An undefined `%(name)`
   * is not: uWSGI keeps it verbatim. Flags and counts read from such a value are 'conditional'.
   */
  unknown: boolean;
  /** Deployment variables that `$(VAR)` in this value expanded to, for messages. */
  variables?: ConfigVariable[];
  /** Position in the stream (0-based). */
  order: number;
  /** Paths from the root down to `file`. */
  includeChain: string[];
}

export type ConfigProblemKind =
  | 'rootNotFound'
  | 'sectionMissing' // a file read for a section it does not have
  | 'includeCycle'
  | 'includeTooDeep'
  | 'includeNotFound'
  | 'readerNotFound'; // `@(file)` of a missing file: uWSGI exits

export interface ConfigProblem extends Span {
  kind: ConfigProblemKind;
  message: string;
  /** Files from the root to the include that failed (for cycles: the loop). */
  chain: string[];
  related?: Array<Span & { message: string }>;
  conditional: boolean;
}

export interface MasterState {
  /** Whether uWSGI runs a master; 'conditional' when the deciding entry sits in a logic block. */
  enabled: boolean | 'conditional';
  /** The last `master` entry, when there is one: it decides (an explicit falsy one beats forcing flags). */
  explicit?: EffectiveEntry;
  /** Entries whose option flags (MASTER, LOG_MASTER, REQ_LOG_MASTER, CHEAPER) force a master. */
  forcedBy: EffectiveEntry[];
}

/** A range inside one file, for helpers that accept either an entry or a raw span. */
export type FileRange = TextRange & { file: string };
