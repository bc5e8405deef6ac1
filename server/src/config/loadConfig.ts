import type { FileSystem } from '../core/fileSystem';
import { normalizePath } from '../core/fileSystem';
import type { LintSettings } from '../core/settings';
import type { CommandLineSetting } from '../deploy/commandLineOptions';
import type { UwsgiEnvironmentSetting } from '../deploy/uwsgiEnvironment';
import type { IniDocument, IniEntry } from '../ini/model';
import { lookupOption } from '../options/catalog';
import { EffectiveConfig } from './effectiveConfig';
import { Expander, type PendingValue } from './expand';
import { IncludeWalker } from './includeWalker';
import type { ConfigFile, ConfigProblem, ConfigVariable, EffectiveEntry } from './model';

export interface LoadConfigRequest {
  /** The ini file uWSGI is started with. */
  rootPath: string;
  /** Section asked for (`uwsgi` by default). */
  section?: string;
  fs: FileSystem;
  settings: LintSettings;
  /** `UWSGI_*` settings from the deployment; they come first, so ini values override them. */
  environment?: readonly UwsgiEnvironmentSetting[];
  /** Options on the uwsgi command line that runs this ini: before `--ini` they are overridden, after it they win. */
  commandLine?: readonly CommandLineSetting[];
  /** Every variable the deployment declares for the process, for `$(VAR)`; undeclared ones stay unknown. */
  variables?: readonly ConfigVariable[];
}

/** Shared state of one load; the walker fills it. */
export interface LoadState {
  fs: FileSystem;
  settings: LintSettings;
  entries: EffectiveEntry[];
  pending: PendingValue[];
  files: ConfigFile[];
  problems: ConfigProblem[];
  docs: Map<string, IniDocument | null>;
  /** Variables the deployment declares, by name: `$(VAR)` and `if-env` read them. */
  variables: ReadonlyMap<string, ConfigVariable>;
}

/**
 * Builds the configuration uWSGI would assemble for `rootPath[:section]`: environment first,
 * includes expanded where they appear, `inherit` templates after, then the `$()`/`@()`/`%()`
 * passes. Never throws; every structural issue is in `problems`.
 */
export function loadEffectiveConfig(request: LoadConfigRequest): EffectiveConfig {
  const rootPath = normalizePath(request.rootPath);
  const section = request.section ?? 'uwsgi';
  const state: LoadState = {
    fs: request.fs,
    settings: request.settings,
    entries: [],
    pending: [],
    files: [],
    problems: [],
    docs: new Map(),
    variables: new Map((request.variables ?? []).map((v) => [v.name, v])),
  };
  const commandLine = (request.commandLine ?? []).map(asDeploymentSetting);
  for (const setting of request.environment ?? []) addEnvironment(state, setting);
  for (const setting of commandLine.filter((c) => !c.afterIni)) addEnvironment(state, setting);
  const walker = new IncludeWalker(state);
  const expander = new Expander(state.pending, state.fs, state.problems, [...state.variables.values()], request.settings.uwsgiVersion);
  walker.walkRoot(rootPath, section);
  for (const setting of commandLine.filter((c) => c.afterIni)) addEnvironment(state, setting);
  expander.run();
  while (walker.walkInherits()) expander.run();
  return new EffectiveConfig(rootPath, section, request.settings.uwsgiVersion, state.entries, state.files, state.problems);
}

/**
 * A command-line option enters the stream like an environment setting (same provenance shape:
 * where it is declared and through which file), named as written: `--lazy-apps`.
 */
function asDeploymentSetting(setting: CommandLineSetting): UwsgiEnvironmentSetting & { afterIni: boolean } {
  return { variable: `--${setting.option}`, option: setting.option, value: setting.value, origin: setting.origin, via: setting.via, afterIni: setting.afterIni };
}

function addEnvironment(state: LoadState, setting: UwsgiEnvironmentSetting): void {
  const info = lookupOption(setting.option, state.settings.uwsgiVersion);
  const entry: EffectiveEntry = {
    option: info?.canonical ?? setting.option,
    key: setting.option,
    raw: setting.value,
    value: setting.value,
    origin: 'environment',
    file: setting.origin.file,
    keySpan: setting.origin,
    valueSpan: setting.origin,
    span: setting.origin,
    environment: setting,
    info,
    conditional: false,
    placeholderOnly: false,
    unresolved: false,
    unknown: false,
    order: state.entries.length,
    includeChain: [],
  };
  state.entries.push(entry);
  state.pending.push({ entry, magicText: setting.value, magicUnresolved: false });
}

/** Adds one ini entry to the stream and returns it. */
export function addIniEntry(
  state: LoadState,
  file: string,
  doc: IniDocument,
  entry: IniEntry,
  magic: { text: string; unresolved: boolean },
  conditional: boolean,
  chain: string[],
): EffectiveEntry {
  const info = lookupOption(entry.key, state.settings.uwsgiVersion);
  const end = Math.max(entry.keySpan.end, entry.valueSpan.end);
  const effective: EffectiveEntry = {
    option: info?.canonical ?? entry.key,
    key: entry.key,
    raw: entry.value,
    value: magic.text,
    origin: 'ini',
    file,
    keySpan: { file, ...entry.keySpan },
    valueSpan: { file, ...entry.valueSpan },
    span: { file, start: entry.keySpan.start, end },
    doc,
    entry,
    info,
    conditional: conditional || entry.conditional,
    placeholderOnly: false,
    unresolved: false,
    unknown: false,
    order: state.entries.length,
    includeChain: chain,
  };
  state.entries.push(effective);
  state.pending.push({ entry: effective, magicText: magic.text, magicUnresolved: magic.unresolved });
  return effective;
}

/**
 * `set = k=v` configures option `k`; `set-placeholder`/`set-ph = k=v` only declares `%(k)`.
 * Both add `k` right after their own line, with spans inside the value.
 */
export function addAssignment(state: LoadState, owner: EffectiveEntry, magicText: string): void {
  const eq = magicText.indexOf('=');
  if (eq <= 0 || !owner.entry) return;
  const key = magicText.slice(0, eq).trim();
  const value = magicText.slice(eq + 1).trim();
  const placeholderOnly = owner.option !== 'set';
  const info = placeholderOnly ? undefined : lookupOption(key, state.settings.uwsgiVersion);
  const rawEq = owner.raw.indexOf('=');
  const base = owner.valueSpan.start;
  const file = owner.file;
  const keyEnd = base + (rawEq < 0 ? 0 : owner.raw.slice(0, rawEq).trimEnd().length);
  const valueStart = rawEq < 0 ? owner.valueSpan.end : base + rawEq + 1 + (owner.raw.slice(rawEq + 1).length - owner.raw.slice(rawEq + 1).trimStart().length);
  const entry: EffectiveEntry = {
    ...owner,
    option: info?.canonical ?? key,
    key,
    raw: rawEq < 0 ? '' : owner.raw.slice(rawEq + 1).trim(),
    value,
    origin: 'set',
    keySpan: { file, start: base, end: keyEnd },
    valueSpan: { file, start: valueStart, end: owner.valueSpan.end },
    info,
    placeholderOnly,
    order: state.entries.length,
  };
  state.entries.push(entry);
  state.pending.push({ entry, magicText: value, magicUnresolved: false });
}
