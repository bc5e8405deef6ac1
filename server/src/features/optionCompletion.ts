import type { LintSettings } from '../core/settings';
import type { IniDocument, IniEntry } from '../ini/model';
import type { OptionInfo } from '../options/catalog';
import { optionsForVersion } from '../options/catalog';
import { loadedPlugins, pluginAvailable } from './loadedPlugins';
import { optionDetail } from './optionDocs';
import type { CompletionEntry, OffsetRange } from './types';

const PLUGIN_ORDER = ['core', 'python', 'http'];

/**
 * Option names for a key being typed: those the configured uWSGI version has and whose plugin
 * the document can use. On a line without `=` the completion writes ` = ` too.
 */
export function optionCompletions(
  doc: IniDocument,
  settings: LintSettings,
  replace: OffsetRange,
  entry: IniEntry | undefined,
): CompletionEntry[] {
  const loaded = loadedPlugins(doc);
  const seen = new Set<string>();
  const items: CompletionEntry[] = [];
  const hasEquals = entry !== undefined && entry.eqOffset >= 0;
  for (const info of optionsForVersion(settings.uwsgiVersion)) {
    if (seen.has(info.name)) continue;
    if (!pluginAvailable(info.plugin, info.defaultEmbedded, loaded, settings.buildKind)) continue;
    seen.add(info.name);
    items.push({
      label: info.name,
      kind: 'option',
      detail: optionDetail(info),
      option: info.name,
      insertText: hasEquals ? info.name : `${info.name} = ${info.isBool ? 'true' : ''}`,
      filterText: info.name,
      sortText: sortKey(info),
      replace,
    });
  }
  return items;
}

/** Core, python and http options first, canonical names before aliases. */
function sortKey(info: OptionInfo): string {
  const rank = PLUGIN_ORDER.indexOf(info.plugin);
  return `${rank < 0 ? PLUGIN_ORDER.length : rank}${info.canonical === info.name ? 0 : 1}${info.name}`;
}
