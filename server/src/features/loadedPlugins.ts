import type { BuildKind } from '../core/settings';
import type { IniDocument } from '../ini/model';

const PLUGIN_KEYS = new Set(['plugin', 'plugins', 'need-plugin', 'need-plugins']);

/**
 * Plugin folders (`python`, `http`, …) the document loads with `plugin(s) =`. Names as written
 * carry versions and suffixes (`python3`, `python311`, `gevent_python3`, `/usr/lib/uwsgi/http_plugin.so`).
 */
export function loadedPlugins(doc: IniDocument): Set<string> {
  const plugins = new Set<string>();
  for (const entry of doc.entries) {
    if (!PLUGIN_KEYS.has(entry.key)) continue;
    for (const raw of entry.value.split(/[\s,]+/)) {
      const name = pluginFolderOf(raw);
      if (name) plugins.add(name);
    }
  }
  return plugins;
}

export function pluginFolderOf(raw: string): string | undefined {
  let name = raw.slice(raw.lastIndexOf('/') + 1).toLowerCase();
  name = name.replace(/\.so$/, '').replace(/_plugin$/, '');
  if (/^(python|pypy)\d*$/.test(name)) return name.startsWith('pypy') ? 'pypy' : 'python';
  name = name.replace(/_(python|pypy)\d*$/, '').replace(/\d+$/, '');
  return name === '' ? undefined : name;
}

/**
 * Whether options of `plugin` work in this document: core always; a plugin it loads; on a
 * monolithic build (settings, or `auto` without any plugin line) the plugins built in by default.
 */
export function pluginAvailable(plugin: string, defaultEmbedded: boolean, loaded: Set<string>, buildKind: BuildKind): boolean {
  if (plugin === 'core' || loaded.has(plugin)) return true;
  const monolithic = buildKind === 'monolithic' || (buildKind === 'auto' && loaded.size === 0);
  return monolithic && defaultEmbedded;
}
