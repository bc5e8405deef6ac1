import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver/node';
import type { FileSystem } from '../core/fileSystem';
import { SOURCE } from '../core/finding';
import { RangeConverter } from '../core/rangeConverter';
import { disableForLineFix } from '../suppress/disableForLineFix';

/** "Disable UWxxx for this line": a suppression comment above the diagnostic's line. */
export function suppressionActions(diagnostic: Diagnostic, path: string, fs: FileSystem, toUri: (path: string) => string): CodeAction[] {
  if (diagnostic.source !== SOURCE || typeof diagnostic.code !== 'string') return [];
  const text = fs.readFile(path);
  if (text === undefined) return [];
  const language = path.endsWith('.py') ? 'python' : 'ini';
  const ranges = new RangeConverter(fs);
  const start = ranges.offset(path, diagnostic.range.start);
  const end = ranges.offset(path, diagnostic.range.end);
  const fix = disableForLineFix(
    text,
    path,
    { file: path, start, end, code: diagnostic.code, message: '', severity: 'warning' },
    language,
  );
  if (fix.edits.length === 0) return [];
  const uri = toUri(path);
  return [
    {
      title: fix.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: { changes: { [uri]: fix.edits.map((e) => ({ range: ranges.range(e), newText: e.newText })) } },
    },
  ];
}
