import type { FileSystem } from '../core/fileSystem';
import type { Finding } from '../core/finding';
import { RangeConverter } from '../core/rangeConverter';
import { displayPath } from './displayPath';

/** `file:line:col: severity CODE message`, related locations indented below, then a summary. */
export function formatText(findings: Finding[], fs: FileSystem, cwd: string, configCount: number): string {
  const ranges = new RangeConverter(fs);
  const lines: string[] = [];
  const sorted = [...findings].sort((a, b) => a.file.localeCompare(b.file) || a.start - b.start);
  for (const f of sorted) {
    const { start } = ranges.range(f);
    lines.push(`${displayPath(f.file, cwd)}:${start.line + 1}:${start.character + 1}: ${f.severity} ${f.code} ${f.message}`);
    for (const r of f.related ?? []) {
      const at = ranges.range(r).start;
      lines.push(`    ${displayPath(r.file, cwd)}:${at.line + 1}:${at.character + 1}: ${r.message}`);
    }
    for (const fix of f.fixes ?? []) lines.push(`    fix${fix.preferred ? ' (preferred)' : ''}: ${fix.title}`);
  }
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  const files = new Set(findings.map((f) => f.file)).size;
  const configs = `${configCount} uWSGI config${configCount === 1 ? '' : 's'} checked`;
  lines.push(
    findings.length === 0
      ? `${configs}, no problems found.`
      : `${configs}: ${findings.length} problem${findings.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'} ` +
          `(${count('error')} errors, ${count('warning')} warnings, ${count('information')} infos, ${count('hint')} hints).`,
  );
  return lines.join('\n') + '\n';
}
