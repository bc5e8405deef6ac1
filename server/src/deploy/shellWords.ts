/** A word of a shell-form command or a JSON exec-form array item, with its offsets in the file. */
export interface Word {
  text: string;
  start: number;
  end: number;
  /** The file the offsets belong to, when words from several files are combined (compose + Dockerfile). */
  file?: string;
}

/**
 * Splits shell-form text into words (quotes removed, `\x` escapes kept literal), or reads the JSON
 * exec form `["a", "b"]`. `offset` is where `text` starts in its file. Never throws.
 */
export function splitCommand(text: string, offset = 0): Word[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    const json = jsonWords(text, offset);
    if (json) return json;
  }
  return shellWords(text, offset);
}

function jsonWords(text: string, offset: number): Word[] | undefined {
  const words: Word[] = [];
  const re = /"((?:[^"\\]|\\.)*)"/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    let value: string;
    try {
      value = JSON.parse(m[0]) as string;
    } catch {
      return undefined;
    }
    words.push({ text: value, start: offset + m.index + 1, end: offset + m.index + m[0].length - 1 });
  }
  return /\]\s*$/.test(text) ? words : undefined;
}

export function shellWords(text: string, offset = 0): Word[] {
  const words: Word[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i])) i++;
    if (i >= text.length) break;
    const start = i;
    let value = '';
    let quote: string | undefined;
    for (; i < text.length; i++) {
      const ch = text[i];
      if (quote) {
        if (ch === quote) quote = undefined;
        else if (ch === '\\' && quote === '"' && i + 1 < text.length) value += text[++i];
        else value += ch;
      } else if (ch === '"' || ch === "'") quote = ch;
      else if (ch === '\\' && i + 1 < text.length) value += text[++i];
      else if (/\s/.test(ch)) break;
      else value += ch;
    }
    // A wholly quoted word points at its contents, so nested scripts keep exact offsets.
    const q = text[start];
    const quoted = (q === '"' || q === "'") && i - start >= 2 && text[i - 1] === q && !text.slice(start + 1, i - 1).includes(q);
    words.push(quoted ? { text: value, start: offset + start + 1, end: offset + i - 1 } : { text: value, start: offset + start, end: offset + i });
  }
  return words;
}
