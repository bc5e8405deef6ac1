import type { EffectiveConfig } from '../config/effectiveConfig';
import type { CompletionEntry } from './types';

const MAX_VALUE = 60;

/**
 * Inside `%(` being typed: the names uWSGI can substitute, i.e. every key of the configuration
 * (unknown keys and `set-placeholder` names included), each with the first value, which is the one
 * uWSGI uses. Undefined when the cursor is not in an open `%(`.
 */
export function placeholderCompletions(
  text: string,
  typedStart: number,
  offset: number,
  config: () => EffectiveConfig,
): CompletionEntry[] | undefined {
  const typed = text.slice(typedStart, offset);
  const open = /%\(([^()\s]*)$/.exec(typed);
  if (!open) return undefined;
  const start = offset - open[1].length;
  const closed = text[offset] === ')' || /^[\w.-]*\)/.test(text.slice(offset));
  let end = offset;
  while (end < text.length && /[\w.-]/.test(text[end])) end++;
  const seen = new Set<string>();
  const items: CompletionEntry[] = [];
  for (const entry of config().entries) {
    if (seen.has(entry.key) || entry.key === '' || entry.origin === 'environment') continue;
    seen.add(entry.key);
    const value = entry.value.length > MAX_VALUE ? entry.value.slice(0, MAX_VALUE - 1) + '…' : entry.value;
    items.push({
      label: entry.key,
      kind: 'value',
      detail: value,
      insertText: closed ? entry.key : `${entry.key})`,
      sortText: entry.placeholderOnly ? `0${entry.key}` : `1${entry.key}`,
      replace: { start, end },
    });
  }
  return items;
}
