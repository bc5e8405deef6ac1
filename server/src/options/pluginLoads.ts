import type { EffectiveConfig, EffectiveEntry } from '../config/effectiveConfig';
import { isTruthy } from '../config/truthiness';
import type { LintSettings } from '../core/settings';

/** Options that load plugins; `need-plugin(s)` exit when one is missing, the others only log. */
export const PLUGIN_LOAD_OPTIONS: readonly string[] = ['plugin', 'plugins', 'need-plugin', 'need-plugins'];

/** One plugin named by a `plugin(s)`/`need-plugin(s)` value. */
export interface PluginLoad {
  /** As written (`python3`, `0:http`, `/usr/lib/uwsgi/plugins/python311_plugin.so`). */
  written: string;
  /** Catalog plugin directory it provides options for (`python`, `http`, `gevent`, …). */
  plugin: string;
  entry: EffectiveEntry;
}

/**
 * Maps a plugin as named in a config to the plugin directory whose options it adds: distro
 * names carry the Python version (`python3`, `python311`), paths and `_plugin.so` suffixes are
 * allowed, and `N:name` forces a modifier.
 */
export function pluginDirOf(written: string): string {
  let name = written.trim();
  name = name.slice(name.lastIndexOf('/') + 1);
  name = name.replace(/^\d+:/, '').replace(/_plugin\.so$/, '').replace(/\.so$/, '').toLowerCase();
  if (/^python[\d.]*$/.test(name)) return 'python';
  // Debian's `gevent_python3`, `asyncio_python3`: the first part names the plugin.
  const first = name.split('_')[0];
  return /^python[\d.]*$/.test(first) ? 'python' : first;
}

/** Every plugin the configuration loads (conditional loads included: they may apply). */
export function pluginLoadsOf(config: EffectiveConfig): PluginLoad[] {
  const loads: PluginLoad[] = [];
  for (const entry of config.entries) {
    if (entry.placeholderOnly || !PLUGIN_LOAD_OPTIONS.includes(entry.option)) continue;
    for (const written of entry.value.split(',')) {
      if (written.trim() === '') continue;
      loads.push({ written: written.trim(), plugin: pluginDirOf(written), entry });
    }
  }
  return loads;
}

/**
 * Whether uWSGI is a modular (distro) build where language and router plugins must be loaded:
 * the `buildKind` setting, or under `auto` any `plugin(s)`/`need-plugin(s)` line in the config.
 */
export function isPluginBuild(settings: LintSettings, config: EffectiveConfig): boolean {
  if (settings.buildKind === 'plugin') return true;
  if (settings.buildKind === 'monolithic') return false;
  return config.entries.some((e) => !e.placeholderOnly && PLUGIN_LOAD_OPTIONS.includes(e.option));
}

/** `autoload = true` makes uWSGI look for a plugin providing each unknown option. */
export function autoloadsPlugins(config: EffectiveConfig): boolean {
  const entry = config.get('autoload');
  return entry !== undefined && isTruthy(entry.value);
}

/** Whether `strict` is on (unknown names are fatal); 'conditional' when only inside a logic block. */
export function strictMode(config: EffectiveConfig): boolean | 'conditional' {
  const value = config.truthy('strict');
  return value ?? false;
}
