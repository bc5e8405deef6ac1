import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver/node';
import { SOURCE, type Finding, type Severity } from '../core/finding';
import type { RangeConverter } from '../core/rangeConverter';
import { ruleDocUrl } from '../rules/rule';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Quick fixes ride along in `diagnostic.data`, already in LSP form, so code actions need no lookup. */
export interface DiagnosticData {
  fixes: { title: string; preferred: boolean; edits: { uri: string; range: Diagnostic['range']; newText: string }[] }[];
}

export function toDiagnostic(finding: Finding, ranges: RangeConverter, toUri: (path: string) => string): Diagnostic {
  const data: DiagnosticData = {
    fixes: (finding.fixes ?? []).map((fix) => ({
      title: fix.title,
      preferred: fix.preferred === true,
      edits: fix.edits.map((edit) => ({ uri: toUri(edit.file), range: ranges.range(edit), newText: edit.newText })),
    })),
  };
  const diagnostic: Diagnostic = {
    range: ranges.range(finding),
    severity: SEVERITY[finding.severity],
    code: finding.code,
    codeDescription: { href: ruleDocUrl(finding.code) },
    source: SOURCE,
    message: finding.message,
    data,
  };
  if (finding.tags?.length) {
    diagnostic.tags = finding.tags.map((tag) => (tag === 'unnecessary' ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated));
  }
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map((related) => ({
      location: { uri: toUri(related.file), range: ranges.range(related) },
      message: related.message,
    }));
  }
  return diagnostic;
}
