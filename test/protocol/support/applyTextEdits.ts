import { LineIndex } from '../../../server/src/core/lineIndex';

export interface LspTextEdit {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
}

/** Applies LSP edits to a text the way an editor does (all ranges refer to the original text). */
export function applyTextEdits(text: string, edits: LspTextEdit[]): string {
  const index = new LineIndex(text);
  const spans = edits
    .map((e) => ({ start: index.offsetAt(e.range.start), end: index.offsetAt(e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const span of spans) out = out.slice(0, span.start) + span.newText + out.slice(span.end);
  return out;
}
