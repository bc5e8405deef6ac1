import type { UwsgiVersion } from '../core/settings';
import { UWSGI_VERSIONS } from '../core/settings';
import type { OptionArgument, OptionRecord } from './optionRecord';
import { optionRecords, recordsNamed, recordVersions } from './optionRecord';
import { OPTION_DESCRIPTIONS } from './descriptions';

export type { OptionArgument } from './optionRecord';
export { suggestOptions, rankOptionSuggestions } from './suggest';
export type { OptionSuggestion } from './suggest';

/**
 * One uWSGI option name as one uWSGI version sees it (an alias has its own entry pointing at its
 * canonical name). `argument`, `handler` and `isBool` describe `version`.
 */
export interface OptionInfo {
  name: string;
  /** The first-declared option with the same behaviour (`workers` → `processes`); itself when not an alias. */
  canonical: string;
  /** `core` or the plugin directory (`python`, `http`, …). */
  plugin: string;
  argument: OptionArgument;
  /** Handler is `uwsgi_opt_true`/`uwsgi_opt_false`: any value but false/off/no/0 turns it on. */
  isBool: boolean;
  /** Every occurrence adds an item (sockets, env, mounts, imports…) instead of the last one winning. */
  isList: boolean;
  /** `UWSGI_OPT_*` flags without the prefix (`MASTER`, `IMMEDIATE`, …). */
  flags: string[];
  handler: string;
  /** Versions that have this option. */
  versions: UwsgiVersion[];
  /** All names with the same canonical option, including this one (canonical first). */
  aliases: string[];
  /** The version `argument`, `handler` and `isBool` describe. */
  version: UwsgiVersion;
  /** Short command-line flag (`s` for `-s`). */
  short?: string;
  /** Compile-time guard (`UWSGI_SSL`, `__linux__`, …): builds without it lack the option. */
  ifdef?: string;
  /** The plugin is built into the default (pip-installed, monolithic) uWSGI. */
  defaultEmbedded: boolean;
  /** Argument kind in every version that has the option. */
  argumentByVersion: Partial<Record<UwsgiVersion, OptionArgument>>;
  /** Handler in every version that has the option. */
  handlerByVersion: Partial<Record<UwsgiVersion, string>>;
}

const BOOL_HANDLERS = new Set(['uwsgi_opt_true', 'uwsgi_opt_false']);
const NEWEST_FIRST = [...UWSGI_VERSIONS].reverse();

let aliasGroups: Map<string, string[]> | undefined;

function aliasKey(record: OptionRecord): string {
  return `${record.plugin}\0${record.canonical}`;
}

function aliasGroupOf(record: OptionRecord): string[] {
  if (!aliasGroups) {
    aliasGroups = new Map();
    for (const r of optionRecords()) {
      const group = aliasGroups.get(aliasKey(r)) ?? [];
      if (r.name === r.canonical) group.unshift(r.name);
      else group.push(r.name);
      aliasGroups.set(aliasKey(r), group);
    }
  }
  return aliasGroups.get(aliasKey(record)) ?? [record.name];
}

function viewOf(record: OptionRecord, version: UwsgiVersion): OptionInfo {
  const handler = record.handlerByVersion[version] ?? '';
  return {
    name: record.name,
    canonical: record.canonical,
    plugin: record.plugin,
    argument: record.argumentByVersion[version] ?? 'required',
    isBool: BOOL_HANDLERS.has(handler),
    isList: record.isList,
    flags: record.flags,
    handler,
    versions: recordVersions(record),
    aliases: aliasGroupOf(record),
    version,
    short: record.short,
    ifdef: record.ifdef,
    defaultEmbedded: record.defaultEmbedded,
    argumentByVersion: record.argumentByVersion,
    handlerByVersion: record.handlerByVersion,
  };
}

/** The newest version that has the record (master for all but the 2.0-only `shutdown-sockets`). */
function newestVersionOf(record: OptionRecord): UwsgiVersion {
  return NEWEST_FIRST.find((v) => record.argumentByVersion[v] !== undefined) ?? '2.1';
}

/**
 * The option `name` (exact, case-sensitive, as uWSGI matches it).
 * With `version`: undefined when that version lacks it; argument/handler/isBool are that version's.
 * Without: the newest version that has it. A name declared by several plugins resolves to
 * core, then python, then http, then the others (see `optionProviders` for all of them).
 */
export function lookupOption(name: string, version?: UwsgiVersion): OptionInfo | undefined {
  for (const record of recordsNamed(name)) {
    if (!version) return viewOf(record, newestVersionOf(record));
    if (record.argumentByVersion[version]) return viewOf(record, version);
  }
  return undefined;
}

/** Every plugin's declaration of `name` (preferred first), optionally restricted to one version. */
export function optionProviders(name: string, version?: UwsgiVersion): OptionInfo[] {
  return recordsNamed(name)
    .filter((record) => !version || record.argumentByVersion[version])
    .map((record) => viewOf(record, version ?? newestVersionOf(record)));
}

/** Whether any version of uWSGI knows `name`. */
export function isKnownOption(name: string): boolean {
  return recordsNamed(name).length > 0;
}

/** Every declared option (all plugins, all versions), each as its newest version sees it. */
export function allOptions(): OptionInfo[] {
  return optionRecords().map((record) => viewOf(record, newestVersionOf(record)));
}

/** The options `version` has, as it sees them. */
export function optionsForVersion(version: UwsgiVersion): OptionInfo[] {
  return optionRecords()
    .filter((record) => record.argumentByVersion[version])
    .map((record) => viewOf(record, version));
}

/** All names for the same option as `name`, canonical first, `name` included; [] when unknown. */
export function aliasesOf(name: string): string[] {
  const record = recordsNamed(name)[0];
  return record ? [...aliasGroupOf(record)] : [];
}

/** Options declared by the python plugin: ignored by a plugin build that loads no python plugin. */
export function isPythonOption(name: string): boolean {
  return recordsNamed(name).some((record) => record.plugin === 'python');
}

/** Our short description of the option (or of one of its aliases), when we wrote one. */
export function optionDescription(name: string): string | undefined {
  const direct = OPTION_DESCRIPTIONS[name];
  if (direct) return direct;
  for (const alias of aliasesOf(name)) if (OPTION_DESCRIPTIONS[alias]) return OPTION_DESCRIPTIONS[alias];
  return undefined;
}

const DOCS_OPTIONS_PAGE = 'https://uwsgi-docs.readthedocs.io/en/latest/Options.html';

/** Link to the option's entry in the uWSGI Options reference (Sphinx section anchor = slug of the name). */
export function uwsgiDocsUrl(name: string): string {
  const anchor = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return anchor ? `${DOCS_OPTIONS_PAGE}#${anchor}` : DOCS_OPTIONS_PAGE;
}
