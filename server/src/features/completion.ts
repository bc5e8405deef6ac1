import { cursorAt } from './cursor';
import { featureDocument } from './featureConfig';
import { optionCompletions } from './optionCompletion';
import type { CompletionEntry, FeatureRequest } from './types';
import { valueCompletions } from './valueCompletion';

/**
 * Completion at `offset`: option names where a key is typed (a new line or the key of an
 * entry), values after `=` (booleans, known enumerations, paths, Python modules).
 */
export function completionsAt(request: FeatureRequest, offset: number): CompletionEntry[] {
  const fd = featureDocument(request);
  const doc = fd.doc;
  const target = cursorAt(doc, offset);
  switch (target.kind) {
    case 'blank': {
      if (target.line?.kind === 'comment') return [];
      return optionCompletions(doc, request.settings, { start: offset, end: offset }, undefined);
    }
    case 'key': {
      const { entry } = target;
      if (offset < entry.keySpan.start) return [];
      const replace = { start: entry.keySpan.start, end: Math.max(offset, entry.keySpan.end) };
      return optionCompletions(doc, request.settings, replace, entry);
    }
    case 'value':
      return valueCompletions(fd, target.entry, offset);
    default:
      return [];
  }
}
