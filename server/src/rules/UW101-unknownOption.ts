import type { EffectiveConfig, EffectiveEntry } from '../config/effectiveConfig';
import { effectiveConfigOf } from '../config/effectiveConfig';
import type { Fix, Severity } from '../core/finding';
import type { UwsgiVersion } from '../core/settings';
import { isKnownOption, rankOptionSuggestions, uwsgiDocsUrl } from '../options/catalog';
import type { OptionInfo } from '../options/catalog';
import { autoloadsPlugins, isPluginBuild, PLUGIN_LOAD_OPTIONS, pluginLoadsOf, strictMode } from '../options/pluginLoads';
import { declaredNamesOf, placeholderReferencesOf } from '../options/referencedNames';
import type { Rule, RuleContext } from './rule';

const MAX_FIXES = 3;

function check(context: RuleContext): void {
  const config = effectiveConfigOf(context);
  const version = context.settings.uwsgiVersion;
  const strict = strictMode(config) === true;
  const referenced = placeholderReferencesOf(config);
  const declared = declaredNamesOf(config);
  const pluginBuild = isPluginBuild(context.settings, config);
  const loaded = new Set(pluginLoadsOf(config).map((load) => load.plugin));
  const autoload = autoloadsPlugins(config);
  for (const entry of config.entries) {
    // Environment variables and `set = k=v` name placeholders as often as options.
    if (entry.origin !== 'ini' || entry.placeholderOnly || entry.key === '') continue;
    if (entry.info) {
      if (!autoload) checkPlugin(context, config, entry, entry.info, pluginBuild, loaded);
      continue;
    }
    // Known to another uWSGI version: UW107 explains that.
    if (isKnownOption(entry.key) || declared.has(entry.key)) continue;
    if (referenced.has(entry.key)) {
      if (strict) reportStrictPlaceholder(context, entry);
      continue;
    }
    reportUnknown(context, entry, version, strict);
  }
}

function reportUnknown(context: RuleContext, entry: EffectiveEntry, version: UwsgiVersion, strict: boolean): void {
  const suggestions = rankOptionSuggestions(entry.key, version);
  const strong = suggestions.filter((s) => s.strong);
  // Applied on save with fixAll, so only a near-certain, unambiguous candidate is preferred.
  const fixes: Fix[] = suggestions.slice(0, MAX_FIXES).map((s) => ({
    title: `Change to '${s.name}'`,
    ...(strong.length === 1 && strong[0].name === s.name ? { preferred: true } : {}),
    edits: [{ ...entry.keySpan, newText: s.name }],
  }));
  let why = 'uWSGI matches option names exactly';
  if (entry.key.includes('_')) why += ' and never turns \'_\' into \'-\' (only UWSGI_* environment variables get that)';
  else if (suggestions.some((s) => s.reason === 'case')) why += ' and names are case-sensitive';
  const effect = strict
    ? '`strict` is on, so uWSGI refuses to start ("unknown config directive").'
    : 'it keeps the line as a placeholder and silently ignores it (only `strict = true` makes this an error).';
  const hint = suggestions.length > 0 ? ` Did you mean ${suggestions.slice(0, MAX_FIXES).map((s) => `'${s.name}'`).join(', ')}?` : '';
  context.report({
    ...entry.keySpan,
    message: `Unknown uWSGI ${version} option '${entry.key}': ${why}; ${effect}${hint}`,
    severity: strict ? 'error' : undefined,
    fixes,
  });
}

function reportStrictPlaceholder(context: RuleContext, entry: EffectiveEntry): void {
  const edit = { file: entry.file, start: entry.keySpan.start, end: entry.span.end, newText: `set-placeholder = ${entry.key}=${entry.raw}` };
  context.report({
    ...entry.keySpan,
    message: `'${entry.key}' is used as a placeholder, but \`strict\` is on: an undeclared key stops uWSGI ("unknown config directive"). Declare it with \`set-placeholder = ${entry.key}=…\`.`,
    severity: 'error',
    fixes: [{ title: `Declare '${entry.key}' with set-placeholder`, preferred: true, edits: [edit] }],
  });
}

/** An option of a plugin this build does not have: ignored like an unknown name. */
function checkPlugin(
  context: RuleContext,
  config: EffectiveConfig,
  entry: EffectiveEntry,
  info: OptionInfo,
  pluginBuild: boolean,
  loaded: Set<string>,
): void {
  // Python options on plugin builds are UW106's; core options are always there.
  if (info.plugin === 'core' || info.plugin === 'python') return;
  if (pluginBuild ? loaded.has(info.plugin) : info.defaultEmbedded) return;
  const severity: Severity | undefined = pluginBuild ? undefined : 'information';
  const message = pluginBuild
    ? `'${entry.key}' is an option of the '${info.plugin}' plugin, which this config does not load. On a plugin build (Debian, Alpine…) uWSGI treats it as an unknown name and ignores it. Load it with \`plugins = ${info.plugin}\`.`
    : `'${entry.key}' is an option of the '${info.plugin}' plugin, which is not built into a default (pip) uWSGI. Unless your build embeds it, load it with \`plugins = ${info.plugin}\`; otherwise uWSGI ignores the option. See ${uwsgiDocsUrl(entry.key)}.`;
  context.report({ ...entry.keySpan, message, severity, fixes: loadPluginFix(config, entry, info.plugin) });
}

/** Appends the plugin to the last unconditional `plugins` line, or adds one above the option. */
function loadPluginFix(config: EffectiveConfig, entry: EffectiveEntry, plugin: string): Fix[] {
  const lines = config.entries.filter(
    (e) => e.origin === 'ini' && !e.conditional && PLUGIN_LOAD_OPTIONS.includes(e.option) && e.order < entry.order,
  );
  const last = lines[lines.length - 1];
  if (last?.entry && last.raw !== '') {
    const at = last.valueSpan.end;
    return [{ title: `Load the '${plugin}' plugin`, edits: [{ file: last.file, start: at, end: at, newText: `,${plugin}` }] }];
  }
  const line = entry.entry?.line;
  if (!line) return [];
  const text = `${line.indent}plugins = ${plugin}${line.eol || entry.doc?.eol || '\n'}`;
  return [{ title: `Load the '${plugin}' plugin`, edits: [{ file: entry.file, start: line.start, end: line.start, newText: text }] }];
}

export const UW101: Rule = {
  code: 'UW101',
  name: 'unknownOption',
  summary: 'An option name uWSGI does not know (or whose plugin is not loaded): uWSGI silently ignores it.',
  defaultSeverity: 'warning',
  check,
};

