import type { IniDocument, IniLine } from '../ini/model';
import type { FoldingEntry } from './types';

const REGION_START = /^[;#]\s*#?region\b/;
const REGION_END = /^[;#]\s*#?endregion\b/;

/** Folds: each section, each logic block, each run of two or more comment lines, `; region` markers. */
export function foldingRanges(doc: IniDocument): FoldingEntry[] {
  const folds: FoldingEntry[] = [];
  for (const section of doc.sections) {
    const last = lastContentLine(section.lines);
    if (section.header && last && last.index > section.lines[0].index) folds.push({ start: section.lines[0].start, end: last.start });
  }
  for (const block of doc.blocks) {
    // The closing `endif`/`endfor` stays visible, like a closing brace.
    const endLine = block.close
      ? doc.lines[block.close.line.index - 1]
      : lastContentLine(sectionLinesAfter(doc, block.open.line.index, block.span.end));
    if (endLine && endLine.index > block.open.line.index) folds.push({ start: block.open.line.start, end: endLine.start });
  }
  commentRuns(doc, folds);
  regions(doc, folds);
  return folds.sort((a, b) => a.start - b.start || b.end - a.end);
}

function commentRuns(doc: IniDocument, folds: FoldingEntry[]): void {
  let first: IniLine | undefined;
  let last: IniLine | undefined;
  const flush = (): void => {
    if (first && last && last.index > first.index) folds.push({ start: first.start, end: last.start, kind: 'comment' });
    first = last = undefined;
  };
  for (const line of doc.lines) {
    const isComment = line.kind === 'comment' && !isRegionMarker(doc, line);
    if (isComment) {
      first ??= line;
      last = line;
    } else flush();
  }
  flush();
}

function regions(doc: IniDocument, folds: FoldingEntry[]): void {
  const open: IniLine[] = [];
  for (const line of doc.lines) {
    if (line.kind !== 'comment') continue;
    const text = doc.text.slice(line.markerStart, line.end);
    if (REGION_START.test(text)) open.push(line);
    else if (REGION_END.test(text)) {
      const start = open.pop();
      if (start) folds.push({ start: start.start, end: line.start, kind: 'region' });
    }
  }
}

function isRegionMarker(doc: IniDocument, line: IniLine): boolean {
  if (line.kind !== 'comment') return false;
  const text = doc.text.slice(line.markerStart, line.end);
  return REGION_START.test(text) || REGION_END.test(text);
}

function lastContentLine(lines: readonly IniLine[]): IniLine | undefined {
  for (let i = lines.length - 1; i >= 0; i--) if (lines[i].kind !== 'blank') return lines[i];
  return undefined;
}

function sectionLinesAfter(doc: IniDocument, fromIndex: number, endOffset: number): IniLine[] {
  return doc.lines.filter((l) => l.index >= fromIndex && l.start < endOffset);
}
