import { effectiveConfigOf, type EffectiveConfig, type EffectiveEntry } from '../config/effectiveConfig';
import type { Span } from '../core/finding';
import type { LintSettings } from '../core/settings';
import { isKnownOption } from '../options/catalog';
import { autoloadsPlugins, isPluginBuild, pluginLoadsOf, strictMode } from '../options/pluginLoads';
import { declaredNamesOf } from '../options/referencedNames';
import type { RuleContext } from '../rules/rule';

/** Why uWSGI never imports any Python for this config, whatever the Python says. */
export interface NeverImported {
  reason: 'strictUnknownOption' | 'noPythonPlugin';
  /** The line that decides it. */
  at: Span;
  message: string;
}

/**
 * uWSGI imports nothing when it exits while reading the config (an unknown name under `strict`:
 * exit 1, facts §1) or when a plugin build loads no python plugin, so `module`, `import` and friends
 * are dropped (facts §0, §4). Only verdicts the config text settles count: anything inside a logic
 * block may not apply, and a file the config reads may exist on the host but not in the workspace
 * (a missing `@(file)` is UW006's), so the app is then assumed to load.
 */
export function appNeverImported(context: RuleContext): NeverImported | undefined {
  return context.memo(`app.neverImported:${context.section}`, () => {
    const config = effectiveConfigOf(context);
    return strictExit(config, context.settings) ?? noPythonPlugin(config, context.settings);
  });
}

/** Under `strict` every name must be an option (of a plugin loaded before it) or a declared placeholder. */
function strictExit(config: EffectiveConfig, settings: LintSettings): NeverImported | undefined {
  if (strictMode(config) !== true) return undefined;
  const declared = declaredNamesOf(config);
  const pluginBuild = isPluginBuild(settings, config) && !autoloadsPlugins(config);
  const loads = pluginLoadsOf(config);
  const rejected = (e: EffectiveEntry): boolean => {
    if (e.origin === 'environment' || e.placeholderOnly || e.conditional || e.key === '') return false;
    if (!e.info) return !isKnownOption(e.key) && !declared.has(e.key);
    if (!pluginBuild || e.info.plugin === 'core') return false;
    return !loads.some((load) => load.plugin === e.info?.plugin && load.entry.order < e.order);
  };
  const entry = config.entries.find(rejected);
  if (!entry) return undefined;
  return {
    reason: 'strictUnknownOption',
    at: entry.keySpan,
    message: `\`strict\` is on and uWSGI does not know '${entry.key}' at that point: it stops with "unknown config directive" before importing the app`,
  };
}

function noPythonPlugin(config: EffectiveConfig, settings: LintSettings): NeverImported | undefined {
  if (!isPluginBuild(settings, config) || autoloadsPlugins(config)) return undefined;
  if (pluginLoadsOf(config).some((load) => load.plugin === 'python')) return undefined;
  const first = config.entries.find((e) => e.info?.plugin === 'python' && !e.placeholderOnly);
  if (!first) return undefined;
  return {
    reason: 'noPythonPlugin',
    at: first.keySpan,
    message: 'this plugin build loads no python plugin, so uWSGI drops the Python options and imports no app',
  };
}
