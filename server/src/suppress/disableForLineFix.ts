import type { Finding, Fix } from '../core/finding';
import { parseSuppressions, type SuppressionLanguage } from './suppressionComments';

interface LineAt {
  start: number;
  end: number;
  eol: string;
  indent: string;
}

function lineAt(text: string, offset: number): LineAt {
  const start = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
  const nl = text.indexOf('\n', start);
  let end = nl < 0 ? text.length : nl;
  const crlf = end > start && text[end - 1] === '\r';
  if (crlf) end--;
  const eol = nl < 0 ? (text.includes('\r\n') ? '\r\n' : '\n') : crlf ? '\r\n' : '\n';
  const indent = /^[ \t]*/.exec(text.slice(start, end).replace(/^\uFEFF/, ''))?.[0] ?? '';
  return { start: text.charCodeAt(start) === 0xfeff ? start + 1 : start, end, eol, indent };
}

/**
 * "Disable UWxxx for this line": a full-line comment above the finding's line, with the same
 * indentation and line ending (full-line, because uWSGI reads trailing ini text as the value).
 * When a `disable-next-line` comment already covers the line, the code is added to it instead;
 * when it already lists the code, the fix has no edits.
 */
export function disableForLineFix(fileText: string, path: string, finding: Finding, language: SuppressionLanguage): Fix {
  const title = `Disable ${finding.code} for this line`;
  const line = lineAt(fileText, finding.start);
  const existing = parseSuppressions(path, fileText, language).find(
    (s) => s.kind === 'next-line' && s.target?.start === line.start,
  );
  if (existing) {
    if (existing.codes.length === 0 || existing.codes.includes(finding.code)) return { title, edits: [] };
    const last = existing.codeSpans[existing.codeSpans.length - 1];
    return { title, edits: [{ file: path, start: last.end, end: last.end, newText: `,${finding.code}` }] };
  }
  const marker = language === 'ini' ? ';' : '#';
  return {
    title,
    edits: [{ file: path, start: line.start, end: line.start, newText: `${line.indent}${marker} uwsgi-lint: disable-next-line ${finding.code}${line.eol}` }],
  };
}
