import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { SOURCE } from '../core/finding';
import type { DiagnosticData } from './toDiagnostic';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.uwsgiLint`;

/** Quick fixes for the diagnostics in the request, read from the fixes each diagnostic carries. */
export function quickFixes(params: CodeActionParams, extra: (d: Diagnostic) => CodeAction[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.source !== SOURCE) continue;
    for (const fix of dataOf(diagnostic).fixes) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fix.preferred,
        edit: toWorkspaceEdit(fix.edits),
      });
    }
    actions.push(...extra(diagnostic));
  }
  // Preferred fixes first, so Ctrl+. lists the recommended one on top.
  return actions.sort((a, b) => Number(b.isPreferred === true) - Number(a.isPreferred === true));
}

/**
 * `source.fixAll.uwsgiLint`: every preferred fix whose edits stay inside this document, once each,
 * skipping edits that overlap one already taken (two findings can propose the same line change).
 */
export function fixAll(uri: string, diagnostics: Diagnostic[]): CodeAction | undefined {
  const taken: TextEdit[] = [];
  const seen = new Set<string>();
  for (const diagnostic of diagnostics) {
    for (const fix of dataOf(diagnostic).fixes) {
      if (!fix.preferred || fix.edits.some((e) => e.uri !== uri)) continue;
      const key = JSON.stringify(fix.edits);
      if (seen.has(key)) continue;
      seen.add(key);
      if (fix.edits.some((e) => taken.some((t) => overlaps(t, e)))) continue;
      taken.push(...fix.edits.map((e) => ({ range: e.range, newText: e.newText })));
    }
  }
  if (taken.length === 0) return undefined;
  return { title: 'Fix all uwsgi-lint problems', kind: FIX_ALL_KIND, edit: { changes: { [uri]: taken } } };
}

function dataOf(diagnostic: Diagnostic): DiagnosticData {
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  return { fixes: Array.isArray(data?.fixes) ? data.fixes : [] };
}

function toWorkspaceEdit(edits: DiagnosticData['fixes'][number]['edits']): WorkspaceEdit {
  const changes: Record<string, TextEdit[]> = {};
  for (const edit of edits) (changes[edit.uri] ??= []).push({ range: edit.range, newText: edit.newText });
  return { changes };
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  const before = (p: { line: number; character: number }, q: { line: number; character: number }) =>
    p.line < q.line || (p.line === q.line && p.character < q.character);
  // Two insertions at the same point conflict too; touching ranges do not.
  const samePoint = JSON.stringify(a.range) === JSON.stringify(b.range);
  return samePoint || (before(a.range.start, b.range.end) && before(b.range.start, a.range.end));
}
