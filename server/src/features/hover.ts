import { isTruthy } from '../config/truthiness';
import { isLogicCloser, isLogicOpener } from '../ini/logicBlocks';
import { lookupOption } from '../options/catalog';
import { dirname } from '../core/fileSystem';
import { appEntryMarkdown } from './appHover';
import { cursorAt, sectionAt } from './cursor';
import { featureDocument } from './featureConfig';
import { optionMarkdown, unknownOptionMarkdown } from './optionDocs';
import { envMarkdown, magicMarkdown, placeholderMarkdown, readerMarkdown } from './tokenDocs';
import type { FeatureRequest, HoverResult } from './types';

/** Hover at `offset`: option keys, `%(placeholders)`, magic `%x`, `$(ENV)` and `@(file)` in values, section headers. */
export function hoverAt(request: FeatureRequest, offset: number): HoverResult | undefined {
  const fd = featureDocument(request);
  const target = cursorAt(fd.doc, offset);
  const version = request.settings.uwsgiVersion;
  if (target.kind === 'key') {
    const { entry } = target;
    if (entry.key === '') return undefined;
    const range = entry.keySpan;
    if (offset < range.start) return undefined;
    const known = optionMarkdown(entry.key, version);
    const logic = isLogicOpener(entry.key) || isLogicCloser(entry.key) ? logicNote(entry.key) : '';
    return { contents: (known ?? unknownOptionMarkdown(entry.key, version)) + logic, range };
  }
  if (target.kind === 'value' && target.token) {
    const { token, entry } = target;
    const range = { start: token.start, end: token.end };
    const section = sectionAt(fd.doc, offset)?.name || 'uwsgi';
    switch (token.kind) {
      case 'placeholder':
        return { contents: placeholderMarkdown(token, fd.effectiveOf(entry), fd.configAt(offset)), range };
      case 'magic':
      case 'unknownMagic':
      case 'escape':
        return { contents: magicMarkdown(token, request, section), range };
      case 'env':
        return { contents: envMarkdown(token, version), range };
      case 'reader':
        return { contents: readerMarkdown(token, request), range };
    }
  }
  if (target.kind === 'value' && !target.token) {
    const { entry } = target;
    const app = fd.appEntryOf(entry);
    if (app) {
      const base = dirname(request.path);
      const relative = (path: string): string => (path.startsWith(base + '/') ? path.slice(base.length + 1) : path);
      return { contents: appEntryMarkdown(app, request.fs, relative), range: entry.valueSpan };
    }
    const info = lookupOption(entry.key, version);
    if (info?.isBool && entry.valueSpan.end > entry.valueSpan.start) {
      const on = isTruthy(entry.value);
      return {
        contents: `uWSGI reads \`${entry.value}\` as **${on ? 'on' : 'off'}** for \`${entry.key}\`: only \`false\`, \`off\`, \`no\` (any case) or \`0\` turn it off, and there are no inline comments.`,
        range: entry.valueSpan,
      };
    }
  }
  if (target.kind === 'header' && target.section.header) {
    const { section } = target;
    const header = section.header!;
    const read = section.name === 'uwsgi' ? 'uWSGI reads this section by default.' : `uWSGI reads it only for \`--ini file:${section.name}\` or \`ini = :${section.name}\`.`;
    return { contents: `Section \`[${section.name}]\` (the name is exact and case-sensitive). ${read}`, range: header.span };
  }
  return undefined;
}

function logicNote(key: string): string {
  return `\n\nConfig logic: evaluated while uWSGI reads the file; the lines up to \`${key.startsWith('for') || key.startsWith('endfor') || key === 'end-for' ? 'endfor' : 'endif'}\` apply only when the condition holds (or once per loop item). Blocks cannot nest.`;
}
