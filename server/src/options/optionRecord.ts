import type { UwsgiVersion } from '../core/settings';
import { UWSGI_VERSIONS } from '../core/settings';
import { OPTION_ROWS } from './catalogData';

export type OptionArgument = 'required' | 'optional' | 'none';

/** One row of the extracted option tables: an option as declared by one plugin, across versions. */
export interface OptionRecord {
  name: string;
  plugin: string;
  /** Short command-line flag (`s` for `-s`), when it has one. */
  short?: string;
  /** Canonical name (first-declared option with the same behaviour); the name itself when not an alias. */
  canonical: string;
  isList: boolean;
  flags: string[];
  /** Compile-time guard (`UWSGI_SSL`, `__linux__`, …) when the option depends on one. */
  ifdef?: string;
  /** The plugin is in the default (pip / monolithic) build's embedded list. */
  defaultEmbedded: boolean;
  /** Argument kind per version that has the option. */
  argumentByVersion: Partial<Record<UwsgiVersion, OptionArgument>>;
  /** Handler per version that has the option (full C name, `uwsgi_opt_set_int`). */
  handlerByVersion: Partial<Record<UwsgiVersion, string>>;
}

const ARGUMENT: Record<string, OptionArgument> = { r: 'required', o: 'optional', n: 'none' };

function handlerName(encoded: string): string {
  return encoded.startsWith('~') ? 'uwsgi_opt_' + encoded.slice(1) : encoded;
}

function decodeRow(line: string): OptionRecord {
  const [name, plugin, short, handler, list, flags, ifdef, aliasOf, embedded, args, overrides] = line.split('\t');
  const older = (overrides ?? '').split(',');
  const argumentByVersion: Partial<Record<UwsgiVersion, OptionArgument>> = {};
  const handlerByVersion: Partial<Record<UwsgiVersion, string>> = {};
  UWSGI_VERSIONS.forEach((version, i) => {
    const kind = ARGUMENT[args[i]];
    if (!kind) return;
    argumentByVersion[version] = kind;
    handlerByVersion[version] = handlerName(older[i] || handler);
  });
  return {
    name,
    plugin,
    short: short || undefined,
    canonical: aliasOf || name,
    isList: list === '1',
    flags: flags ? flags.split('|') : [],
    ifdef: ifdef || undefined,
    defaultEmbedded: embedded === '1',
    argumentByVersion,
    handlerByVersion,
  };
}

/** Plugins whose declaration wins when a name is declared more than once. */
const PLUGIN_PREFERENCE = ['core', 'python', 'http'];

function pluginRank(plugin: string): number {
  const i = PLUGIN_PREFERENCE.indexOf(plugin);
  return i === -1 ? PLUGIN_PREFERENCE.length : i;
}

/** Orders declarations of one name: core, then python, then http, then the other plugins by name. */
export function preferredFirst<T extends { plugin: string }>(records: readonly T[]): T[] {
  return [...records].sort((a, b) => pluginRank(a.plugin) - pluginRank(b.plugin) || a.plugin.localeCompare(b.plugin));
}

let cachedRecords: OptionRecord[] | undefined;
let cachedByName: Map<string, OptionRecord[]> | undefined;

/** Every row, in table order (decoded once, on first use). */
export function optionRecords(): readonly OptionRecord[] {
  if (!cachedRecords) {
    cachedRecords = OPTION_ROWS.split('\n')
      .filter((line) => line !== '')
      .map(decodeRow);
  }
  return cachedRecords;
}

/** Every declaration of `name`, preferred plugin first (core, python, http, then the rest by name). */
export function recordsNamed(name: string): readonly OptionRecord[] {
  if (!cachedByName) {
    const byName = new Map<string, OptionRecord[]>();
    for (const record of optionRecords()) {
      const list = byName.get(record.name) ?? [];
      list.push(record);
      byName.set(record.name, list);
    }
    for (const [name, list] of byName) byName.set(name, preferredFirst(list));
    cachedByName = byName;
  }
  return cachedByName.get(name) ?? [];
}

/** Versions that have the record, oldest first. */
export function recordVersions(record: OptionRecord): UwsgiVersion[] {
  return UWSGI_VERSIONS.filter((version) => record.argumentByVersion[version] !== undefined);
}
