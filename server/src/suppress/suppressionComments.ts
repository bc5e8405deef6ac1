/**
 * Inline suppression comments. In ini files only FULL-LINE comments count: uWSGI has no
 * inline comments, so a trailing `; uwsgi-lint: …` would be part of the option's value.
 * Python has real comments, so a trailing `# uwsgi-lint: disable-line UW301` works there.
 */

export type SuppressionLanguage = 'ini' | 'python';
export type SuppressionKind = 'next-line' | 'line' | 'file';

export interface Suppression {
  file: string;
  kind: SuppressionKind;
  /** Upper-cased codes; empty = every code. */
  codes: string[];
  /** The directive text from the marker, for messages. */
  text: string;
  /** Span of the comment (from its marker to the end of the line content). */
  start: number;
  end: number;
  /** Offsets of each code in the text, for precise "unused" findings. */
  codeSpans: Array<{ code: string; start: number; end: number }>;
  /** The comment's whole line including its line ending (to remove the directive). */
  line: { start: number; end: number; text: string };
  /** The line the suppression covers (`line`/`next-line`); undefined for `file`. */
  target?: { start: number; end: number };
}

const DIRECTIVE = /uwsgi-lint:\s*(disable-next-line|disable-line|disable-file)\b([^\n]*)/i;

interface RawLine {
  start: number;
  end: number;
  text: string;
}

function splitLines(text: string): RawLine[] {
  const lines: RawLine[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    let end = nl < 0 ? text.length : nl;
    if (end > start && text[end - 1] === '\r') end--;
    lines.push({ start, end, text: text.slice(start, end) });
    if (nl < 0) return lines;
    start = nl + 1;
  }
}

function isFullLineComment(line: RawLine, language: SuppressionLanguage): boolean {
  const trimmed = line.text.replace(/^[\uFEFF \t]+/, '');
  return language === 'ini' ? trimmed.startsWith(';') || trimmed.startsWith('#') : trimmed.startsWith('#');
}

/** Parses every suppression comment of one file. */
export function parseSuppressions(file: string, text: string, language: SuppressionLanguage): Suppression[] {
  const out: Suppression[] = [];
  const lines = splitLines(text);
  lines.forEach((line, index) => {
    const fullLine = isFullLineComment(line, language);
    const markerAt = fullLine ? line.text.search(/[;#]/) : language === 'python' ? line.text.indexOf('#') : -1;
    if (markerAt < 0) return;
    const match = DIRECTIVE.exec(line.text.slice(markerAt));
    if (!match) return;
    const kind = match[1].toLowerCase().replace('disable-', '') as SuppressionKind;
    if (kind === 'line' && (language === 'ini' || fullLine)) return;
    if (kind === 'next-line' && !fullLine) return;
    const argsOffset = line.start + markerAt + match.index + match[0].length - match[2].length;
    const args = match[2].split('--')[0];
    const codeSpans: Suppression['codeSpans'] = [];
    for (const m of args.matchAll(/[A-Za-z]+\d+/g)) {
      codeSpans.push({ code: m[0].toUpperCase(), start: argsOffset + m.index, end: argsOffset + m.index + m[0].length });
    }
    const suppression: Suppression = {
      file,
      kind,
      codes: codeSpans.map((c) => c.code),
      text: line.text.slice(markerAt).trim(),
      start: line.start + markerAt,
      end: line.end,
      codeSpans,
      line: { start: line.start, end: nextLineStart(text, line), text: line.text },
    };
    if (kind === 'line') suppression.target = { start: line.start, end: line.end };
    if (kind === 'next-line') {
      // Consecutive suppression comments stack: skip further comment lines to the code they annotate.
      let next = index + 1;
      while (next < lines.length && isFullLineComment(lines[next], language)) next++;
      if (next < lines.length) suppression.target = { start: lines[next].start, end: lines[next].end };
      else return;
    }
    out.push(suppression);
  });
  return out;
}

/** Which suppression language a path uses, or undefined for files we never suppress in. */
export function suppressionLanguageOf(path: string): SuppressionLanguage | undefined {
  if (/\.pyw?$/i.test(path)) return 'python';
  if (/\.ini$/i.test(path)) return 'ini';
  return undefined;
}

function nextLineStart(text: string, line: RawLine): number {
  const nl = text.indexOf('\n', line.end);
  return nl < 0 ? text.length : nl + 1;
}
