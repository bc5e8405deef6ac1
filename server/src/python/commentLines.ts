/**
 * tree-sitter-python's scanner, at every comment line after an indented block, skips ahead over all the
 * comment lines that follow to find the next indentation, and it does so again for each of them: a long
 * commented-out block after a `def` costs time quadratic in its length (10,000 lines took 7 s). Blank lines
 * are consumed in one step, so the parser is given the text with whole-line comments turned into spaces.
 * Offsets and line breaks are unchanged, and the tree keeps no comments anyway, so nothing else notices.
 */
export function blankCommentLines(text: string): string {
  if (!text.includes('#')) return text;
  let out = '';
  let lineStart = 0;
  let triple: string | undefined;
  while (lineStart < text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline + 1;
    const line = text.slice(lineStart, lineEnd);
    if (!triple && /^[ \t\f]*#/.test(line)) {
      out += line.replace(/[^\r\n]/g, ' ');
    } else {
      out += line;
      triple = stringStateAfter(line, triple);
    }
    lineStart = lineEnd;
  }
  return out;
}

/** Which triple-quoted string (if any) is still open at the end of `line`, given the one open at its start. */
function stringStateAfter(line: string, open: string | undefined): string | undefined {
  let i = 0;
  while (i < line.length) {
    if (open) {
      const close = findClose(line, i, open);
      if (close < 0) return open;
      i = close + open.length;
      open = undefined;
      continue;
    }
    const c = line[i];
    if (c === '#') return undefined;
    if (c === '"' || c === "'") {
      const delimiter = line.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
      const close = findClose(line, i + delimiter.length, delimiter);
      if (close < 0) return delimiter.length === 3 ? delimiter : undefined;
      i = close + delimiter.length;
      continue;
    }
    i++;
  }
  return open;
}

function findClose(line: string, from: number, delimiter: string): number {
  for (let i = from; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line.startsWith(delimiter, i)) return i;
  }
  return -1;
}
