import type { UwsgiVersion } from '../core/settings';
import { lookupOption } from '../options/catalog';
import type { ConfigFile, ConfigProblem, EffectiveEntry, MasterState } from './model';
import { atoi, isTruthy } from './truthiness';

export type { ConfigFile, ConfigProblem, EffectiveEntry, MasterState } from './model';
export { loadEffectiveConfig } from './loadConfig';
export type { LoadConfigRequest } from './loadConfig';
export { effectiveConfigOf } from './effectiveConfigOf';
export { isTruthy, atoi } from './truthiness';

/** Flags that make uWSGI set `master_process = 1` as soon as the key is parsed (`core/config.c`). */
export const MASTER_FORCING_FLAGS: readonly string[] = ['MASTER', 'LOG_MASTER', 'REQ_LOG_MASTER', 'CHEAPER'];

/**
 * What uWSGI would configure for one `--ini file[:section]`, before any runtime condition is
 * evaluated. Query helpers are alias-aware: `get('workers')` finds `processes = 4`.
 */
export class EffectiveConfig {
  constructor(
    /** The ini file the configuration starts from. */
    readonly rootPath: string,
    /** The section read from it. */
    readonly section: string,
    readonly version: UwsgiVersion,
    /** Every option occurrence, in uWSGI's order. */
    readonly entries: readonly EffectiveEntry[],
    /** Every file read or looked for, root first. */
    readonly files: readonly ConfigFile[],
    /** Include cycles, missing files and sections, fatal `@(file)` readers. */
    readonly problems: readonly ConfigProblem[],
  ) {}

  /** Canonical option name for `name` (itself when the catalog does not know it). */
  canonical(name: string): string {
    return lookupOption(name, this.version)?.canonical ?? name;
  }

  /** Every occurrence of `option` (any alias) that configures something, in order. */
  getAll(option: string): EffectiveEntry[] {
    const canonical = this.canonical(option);
    return this.entries.filter((e) => e.option === canonical && !e.placeholderOnly);
  }

  /** The occurrence uWSGI ends up with for a scalar option: the last one. */
  get(option: string): EffectiveEntry | undefined {
    const all = this.getAll(option);
    return all[all.length - 1];
  }

  /**
   * The occurrence `%(name)`, `--get` and `if-opt` see: the FIRST entry whose key is exactly
   * `name` (no alias folding; unknown keys and `set-placeholder` values count).
   */
  first(name: string): EffectiveEntry | undefined {
    return this.entries.find((e) => e.key === name);
  }

  /**
   * How a boolean option ends up: `undefined` when never set, `'conditional'` when the last
   * occurrence sits in a logic block or its value is only known at startup (an undeclared
   * `$(VAR)` stays verbatim, hence truthy, only if the variable is really unset), else uWSGI's
   * truthiness of the last value.
   */
  truthy(option: string): boolean | 'conditional' | undefined {
    const last = this.get(option);
    if (!last) return undefined;
    if (last.conditional || last.unknown) return 'conditional';
    return isTruthy(last.value);
  }

  /** `atoi` of the last value, as `uwsgi_opt_set_int` reads it; undefined when never set. */
  intValue(option: string): number | undefined {
    const last = this.get(option);
    return last ? atoi(last.value) : undefined;
  }

  /** The last value after expansion, or undefined when never set. */
  value(option: string): string | undefined {
    return this.get(option)?.value;
  }

  /** Whether a master process runs: forcing flags turn it on, the last `master` entry decides. */
  masterState(): MasterState {
    const forcedBy = this.entries.filter(
      (e) => !e.placeholderOnly && e.info?.flags.some((flag) => MASTER_FORCING_FLAGS.includes(flag)),
    );
    const explicit = this.get('master');
    if (explicit) {
      return { enabled: explicit.conditional || explicit.unknown ? 'conditional' : isTruthy(explicit.value), explicit, forcedBy };
    }
    if (forcedBy.length === 0) return { enabled: false, forcedBy };
    return { enabled: forcedBy.some((e) => !e.conditional) ? true : 'conditional', forcedBy };
  }

  /** Entries owned by `file` (an included ini), in order. */
  entriesIn(file: string): EffectiveEntry[] {
    return this.entries.filter((e) => e.file === file);
  }

  /** Paths of every file read (found ones), root first. */
  filesRead(): string[] {
    return this.files.filter((f) => f.found).map((f) => f.path);
  }
}
