import type { FileSystem } from '../core/fileSystem';
import type { Finding } from '../core/finding';
import { UW009 } from '../rules/UW009-unusedSuppression';
import { parseSuppressions, suppressionLanguageOf, type Suppression } from './suppressionComments';

export interface SuppressionOptions {
  /** Files whose suppression comments count (every file the analysis read); default: the findings' files. */
  files?: readonly string[];
  /**
   * Codes of the rules that ran. A suppression naming another code is not reported as unused,
   * since its rule did not get the chance to report. Default: every code.
   */
  activeCodes?: ReadonlySet<string>;
}

function covers(s: Suppression, finding: Finding): boolean {
  if (s.file !== finding.file) return false;
  if (s.codes.length > 0 && !s.codes.includes(finding.code)) return false;
  if (!s.target) return true;
  return finding.start >= s.target.start && finding.start <= s.target.end;
}

/**
 * Drops findings covered by `uwsgi-lint: disable-…` comments and adds a UW009 finding for every
 * suppression (or code in one) that matched nothing. Unreadable files are skipped, never thrown on.
 */
export function applySuppressions(findings: Finding[], fs: FileSystem, options: SuppressionOptions = {}): Finding[] {
  const files = new Set(options.files ?? findings.map((f) => f.file));
  for (const f of findings) files.add(f.file);
  const suppressions: Suppression[] = [];
  for (const file of files) {
    const language = suppressionLanguageOf(file);
    const text = language ? fs.readFile(file) : undefined;
    if (language && text !== undefined) for (const item of parseSuppressions(file, text, language)) suppressions.push(item);
  }
  if (suppressions.length === 0) return findings;

  const used = new Map<Suppression, Set<string>>();
  const kept = findings.filter((finding) => {
    let suppressed = false;
    for (const s of suppressions) {
      if (!covers(s, finding)) continue;
      suppressed = true;
      const codes = used.get(s) ?? new Set<string>();
      codes.add(finding.code);
      used.set(s, codes);
    }
    return !suppressed;
  });
  // `disable-file UW009` silences the unused-suppression hints themselves.
  const quiet = new Set(suppressions.filter((s) => s.kind === 'file' && s.codes.includes(UW009.code)).map((s) => s.file));
  const stale = unused(suppressions, used, options.activeCodes).filter((f) => !quiet.has(f.file));
  return [...kept, ...stale];
}

function unused(suppressions: Suppression[], used: Map<Suppression, Set<string>>, active?: ReadonlySet<string>): Finding[] {
  const out: Finding[] = [];
  for (const s of suppressions) {
    const matched = used.get(s);
    if (s.codes.length === 0) {
      if (!matched) out.push(unusedFinding(s, `'${s.text}' suppresses nothing: no finding is reported ${where(s)}.`));
      continue;
    }
    const stale = s.codeSpans.filter((c) => !matched?.has(c.code) && (!active || active.has(c.code)));
    if (stale.length === 0 || (s.kind === 'file' && s.codes.includes(UW009.code) && stale.length === 1 && stale[0].code === UW009.code)) continue;
    if (stale.length === s.codeSpans.length) {
      out.push(unusedFinding(s, `'${s.text}' suppresses nothing: no ${s.codes.join('/')} finding is reported ${where(s)}.`));
      continue;
    }
    for (const c of stale) {
      out.push(unusedFinding(s, `${c.code} is suppressed here but not reported ${where(s)}.`, c));
    }
  }
  return out;
}

function where(s: Suppression): string {
  return s.kind === 'file' ? 'in this file' : 'on that line';
}

/** The fix removes the whole comment line when nothing in it is used, or just the one code. */
function unusedFinding(s: Suppression, message: string, code?: { code: string; start: number; end: number }): Finding {
  let edit = { file: s.file, start: s.line.start, end: s.line.end, newText: '' };
  if (code) {
    // Take the separator after the code (or before it, for the last one) so the list stays tidy.
    const rel = code.end - s.line.start;
    const after = /^[ \t,]+(?=[A-Za-z])/.exec(s.line.text.slice(rel))?.[0].length ?? 0;
    const before = after ? 0 : (/[ \t]*,?[ \t]*$/.exec(s.line.text.slice(0, code.start - s.line.start))?.[0].length ?? 0);
    edit = { file: s.file, start: code.start - before, end: code.end + after, newText: '' };
  }
  return {
    file: s.file,
    start: code?.start ?? s.start,
    end: code?.end ?? s.end,
    code: UW009.code,
    severity: UW009.defaultSeverity,
    tags: ['unnecessary'],
    message,
    fixes: [{ title: code ? `Remove ${code.code} from the suppression` : 'Remove the unused suppression', preferred: true, edits: [edit] }],
  };
}
