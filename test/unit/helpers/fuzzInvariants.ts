import { analyzeConfig } from '../../../server/src/core/analyze';
import { MemoryFileSystem, normalizePath } from '../../../server/src/core/fileSystem';
import type { Finding, TextEdit } from '../../../server/src/core/finding';
import { DEFAULT_SETTINGS, type LintSettings } from '../../../server/src/core/settings';

export interface FuzzCase {
  root: string;
  config: string;
  section?: string;
  settings?: Partial<LintSettings>;
  files: Record<string, string>;
}

export interface CaseOutcome {
  /** Broken promises: a throw, an internal error, a span or edit outside its file, overlapping edits. */
  problems: string[];
  /** Slowest single analysis of this case (the mutated workspace or one of its fixed versions). */
  worstMs: number;
  analyses: number;
}

/** Runs the analysis and checks what it promises for any input; then applies up to `maxFixes` fixes and re-checks. */
export function checkCase(c: FuzzCase, maxFixes = 2): CaseOutcome {
  const outcome: CaseOutcome = { problems: [], worstMs: 0, analyses: 0 };
  const findings = analyse(c, c.files, outcome, 'mutated');
  if (!findings) return outcome;
  let tried = 0;
  for (const finding of findings) {
    for (const fix of finding.fixes ?? []) {
      if (tried >= maxFixes) return outcome;
      const fixed = applyFixEdits(c.files, fix.edits, `${finding.code} fix "${fix.title}"`, outcome.problems);
      if (!fixed) continue;
      tried++;
      analyse(c, fixed, outcome, `after ${finding.code} fix "${fix.title}"`);
    }
  }
  return outcome;
}

function analyse(c: FuzzCase, files: Record<string, string>, outcome: CaseOutcome, label: string): Finding[] | undefined {
  const fs = new MemoryFileSystem(files);
  const settings = { ...DEFAULT_SETTINGS, workspaceRoots: [c.root], ...c.settings };
  const started = performance.now();
  let findings: Finding[];
  try {
    findings = analyzeConfig({ path: `${c.root}/${c.config}`, section: c.section, fs, settings }).findings;
  } catch (error) {
    outcome.problems.push(`${label}: analyzeConfig threw ${error instanceof Error ? error.stack : String(error)}`);
    return undefined;
  } finally {
    outcome.worstMs = Math.max(outcome.worstMs, performance.now() - started);
    outcome.analyses++;
  }
  for (const f of findings) {
    if (f.code === 'UW000') outcome.problems.push(`${label}: ${f.message}`);
    const text = fs.readFile(f.file);
    if (text === undefined) outcome.problems.push(`${label}: ${f.code} on a file that does not exist: ${f.file}`);
    else if (!inside(f, text)) outcome.problems.push(`${label}: ${f.code} span ${f.start}-${f.end} outside ${f.file} (${text.length} chars)`);
    for (const r of f.related ?? []) {
      const rt = fs.readFile(r.file);
      if (rt !== undefined && !inside(r, rt)) outcome.problems.push(`${label}: ${f.code} related span ${r.start}-${r.end} outside ${r.file}`);
    }
  }
  return findings;
}

function inside(span: { start: number; end: number }, text: string): boolean {
  return Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= text.length;
}

/** The files after an editor applied `edits`; undefined (and a problem) when an edit is outside its file or overlaps. */
export function applyFixEdits(
  files: Record<string, string>,
  edits: readonly TextEdit[],
  label: string,
  problems: string[],
): Record<string, string> | undefined {
  const out = { ...files };
  const byFile = new Map<string, TextEdit[]>();
  for (const e of edits) byFile.set(normalizePath(e.file), [...(byFile.get(normalizePath(e.file)) ?? []), e]);
  for (const [file, fileEdits] of byFile) {
    const key = Object.keys(files).find((p) => normalizePath(p) === file);
    const text = key === undefined ? '' : files[key];
    const sorted = [...fileEdits].sort((a, b) => a.start - b.start || a.end - b.end);
    for (let i = 0; i < sorted.length; i++) {
      const e = sorted[i];
      if (key === undefined && !(e.start === 0 && e.end === 0)) {
        problems.push(`${label}: edits ${e.start}-${e.end} a file that does not exist: ${file}`);
        return undefined;
      }
      if (!inside(e, text)) {
        problems.push(`${label}: edit ${e.start}-${e.end} outside ${file} (${text.length} chars)`);
        return undefined;
      }
      if (i > 0 && e.start < sorted[i - 1].end) {
        problems.push(`${label}: overlapping edits at ${e.start} in ${file}`);
        return undefined;
      }
    }
    let result = '';
    let cursor = 0;
    for (const e of sorted) {
      result += text.slice(cursor, e.start) + e.newText;
      cursor = e.end;
    }
    out[key ?? file] = result + text.slice(cursor);
  }
  return out;
}
