/**
 * A tolerant reader of nginx's configuration syntax: words and quoted strings, `;`-terminated
 * directives, `{ … }` blocks and `#` comments, with UTF-16 offsets into the file. Unbalanced
 * braces and a missing final `;` are absorbed rather than rejected, so half-edited files still read.
 */

export interface NginxWord {
  /** The word as nginx sees it: quotes removed, `\"`-style escapes resolved. */
  text: string;
  /** Span as written, quotes included. */
  start: number;
  end: number;
  quoted: boolean;
}

export interface NginxDirective {
  file: string;
  name: string;
  nameSpan: { start: number; end: number };
  args: NginxWord[];
  /** From the name to the `;` (or `{` for a block) inclusive. */
  start: number;
  end: number;
  /** The statements of a `{ … }` block; undefined for a simple directive. */
  children?: NginxDirective[];
}

const MAX_DEPTH = 32;

type Token = NginxWord | { punct: ';' | '{' | '}'; start: number; end: number };

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f' || ch === '\v';
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (isSpace(ch)) {
      i++;
    } else if (ch === '#') {
      // nginx starts a comment only where a new word would start.
      while (i < text.length && text[i] !== '\n') i++;
    } else if (ch === ';' || ch === '{' || ch === '}') {
      tokens.push({ punct: ch, start: i, end: i + 1 });
      i++;
    } else if (ch === '"' || ch === "'") {
      const start = i++;
      let value = '';
      while (i < text.length && text[i] !== ch) {
        if (text[i] === '\\' && i + 1 < text.length) {
          const next = text[i + 1];
          value += next === ch || next === '\\' ? next : text[i] + next;
          i += 2;
        } else {
          value += text[i++];
        }
      }
      i = Math.min(i + 1, text.length);
      tokens.push({ text: value, start, end: i, quoted: true });
    } else {
      const start = i;
      while (i < text.length && !isSpace(text[i]) && text[i] !== ';' && text[i] !== '{' && text[i] !== '}') {
        // `${var}` keeps its braces inside the word.
        if (text[i] === '$' && text[i + 1] === '{') {
          const close = text.indexOf('}', i);
          i = close < 0 ? text.length : close + 1;
        } else {
          i++;
        }
      }
      tokens.push({ text: text.slice(start, i), start, end: i, quoted: false });
    }
  }
  return tokens;
}

/** Parses `text` into directives; never throws. */
export function parseNginx(file: string, text: string): NginxDirective[] {
  const tokens = tokenize(text);
  let pos = 0;
  const block = (depth: number): NginxDirective[] => {
    const out: NginxDirective[] = [];
    let words: NginxWord[] = [];
    while (pos < tokens.length) {
      const token = tokens[pos++];
      if (!('punct' in token)) {
        words.push(token);
        continue;
      }
      if (token.punct === '}') {
        if (words.length > 0) out.push(directive(file, words, token.start));
        words = [];
        if (depth > 0) return out;
        continue; // a stray `}` at top level is ignored
      }
      // Past MAX_DEPTH a `{` ends a statement like `;`, so hostile nesting cannot exhaust the stack.
      const opens = token.punct === '{' && depth < MAX_DEPTH;
      if (words.length === 0) {
        if (opens) block(depth + 1); // anonymous block: read past it
        continue;
      }
      const d = directive(file, words, token.end);
      if (opens) d.children = block(depth + 1);
      out.push(d);
      words = [];
    }
    if (words.length > 0) out.push(directive(file, words, words[words.length - 1].end));
    return out;
  };
  return block(0);
}

function directive(file: string, words: NginxWord[], end: number): NginxDirective {
  const [name, ...args] = words;
  return { file, name: name.text, nameSpan: { start: name.start, end: name.end }, args, start: name.start, end };
}
