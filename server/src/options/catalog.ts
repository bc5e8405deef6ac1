import type { UwsgiVersion } from '../core/settings';

/** One uWSGI option name (an alias has its own entry pointing at its canonical name). */
export interface OptionInfo {
  name: string;
  /** The first-declared option with the same behaviour (`workers` → `processes`); itself when not an alias. */
  canonical: string;
  /** `core` or the plugin directory (`python`, `http`, …). */
  plugin: string;
  argument: 'required' | 'optional' | 'none';
  /** Handler is `uwsgi_opt_true`/`uwsgi_opt_false`: any value but false/off/no/0 turns it on. */
  isBool: boolean;
  /** Every occurrence adds an item (sockets, env, mounts, imports…) instead of the last one winning. */
  isList: boolean;
  /** `UWSGI_OPT_*` flags without the prefix (`MASTER`, `IMMEDIATE`, …). */
  flags: string[];
  handler: string;
  /** Versions that have this option. */
  versions: UwsgiVersion[];
  /** All names with the same canonical option, including this one. */
  aliases: string[];
}

// Implemented by the catalog module built from data/uwsgi-options.tsv.
export declare function lookupOption(name: string, version?: UwsgiVersion): OptionInfo | undefined;
