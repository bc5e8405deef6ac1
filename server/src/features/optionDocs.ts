import type { UwsgiVersion } from '../core/settings';
import type { OptionInfo } from '../options/catalog';
import { lookupOption, optionDescription, suggestOptions, uwsgiDocsUrl } from '../options/catalog';

const ARGUMENT_TEXT: Record<OptionInfo['argument'], string> = {
  required: 'takes a value',
  optional: 'value optional',
  none: 'flag, no value',
};

/** One line for completion details: plugin and argument kind. */
export function optionDetail(info: OptionInfo): string {
  const kind = info.isBool ? 'boolean flag' : ARGUMENT_TEXT[info.argument];
  const list = info.isList ? ', repeatable' : '';
  return `${pluginLabel(info.plugin)} · ${kind}${list}`;
}

function pluginLabel(plugin: string): string {
  return plugin === 'core' ? 'core' : `${plugin} plugin`;
}

/**
 * Markdown about option `name` as `version` sees it: our description, argument kind, plugin,
 * versions, aliases and a link to the uWSGI reference. Undefined when no uWSGI version knows it.
 */
export function optionMarkdown(name: string, version: UwsgiVersion): string | undefined {
  const info = lookupOption(name, version) ?? lookupOption(name);
  if (!info) return undefined;
  const lines: string[] = [`**${name}** — ${optionDetail(info)}`];
  const description = optionDescription(name);
  if (description) lines.push('', description);
  if (info.isBool) {
    lines.push('', 'Off only for `false`, `off`, `no` (any case) or exactly `0`; any other value, an empty one included, turns it on.');
  }
  if (info.isList) lines.push('', 'Every occurrence adds one more item; later lines do not replace earlier ones.');
  const facts: string[] = [];
  if (info.canonical !== name) facts.push(`Alias of \`${info.canonical}\`.`);
  const others = info.aliases.filter((a) => a !== name);
  if (others.length > 0) facts.push(`Also spelled ${others.map((a) => `\`${a}\``).join(', ')}.`);
  if (info.plugin !== 'core') {
    facts.push(
      info.defaultEmbedded
        ? `Built into pip-installed uWSGI; distro builds need \`plugin = ${pluginToLoad(info.plugin)}\`.`
        : `Needs \`plugin = ${pluginToLoad(info.plugin)}\`.`,
    );
  }
  if (info.ifdef) facts.push(`Only in builds compiled with \`${info.ifdef}\`.`);
  facts.push(`In uWSGI ${info.versions.join(', ')}.`);
  if (!info.versions.includes(version)) facts.push(`**Not in uWSGI ${version}** (the configured version): it ignores this line.`);
  lines.push('', facts.join(' '));
  lines.push('', `[uWSGI documentation](${uwsgiDocsUrl(info.canonical)})`);
  return lines.join('\n');
}

/** Markdown for a key no uWSGI version knows: what happens to it, and the likely intended names. */
export function unknownOptionMarkdown(name: string, version: UwsgiVersion): string {
  const lines = [
    `**${name}** is not a uWSGI option.`,
    '',
    'uWSGI matches names exactly and keeps unknown keys only as `%(placeholders)`: this line configures nothing, without a warning (unless `strict` is set).',
  ];
  const suggestions = suggestOptions(name, version);
  if (suggestions.length > 0) lines.push('', `Did you mean ${suggestions.map((s) => `\`${s}\``).join(', ')}?`);
  return lines.join('\n');
}

/** The name to write in `plugin = …` for a plugin directory (`python` → `python3`). */
export function pluginToLoad(plugin: string): string {
  return plugin === 'python' ? 'python3' : plugin;
}
