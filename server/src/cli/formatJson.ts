import type { FileSystem } from '../core/fileSystem';
import { SOURCE, type Finding } from '../core/finding';
import { RangeConverter } from '../core/rangeConverter';
import { displayPath } from './displayPath';

/** The documented JSON shape: one object per finding, zero-based LSP-style ranges. */
export function formatJson(findings: Finding[], fs: FileSystem, cwd: string): string {
  const ranges = new RangeConverter(fs);
  const out = findings.map((f) => ({
    file: displayPath(f.file, cwd),
    range: ranges.range(f),
    severity: f.severity,
    code: f.code,
    message: f.message,
    source: SOURCE,
    related: (f.related ?? []).map((r) => ({ file: displayPath(r.file, cwd), range: ranges.range(r), message: r.message })),
    fixes: (f.fixes ?? []).map((fix) => ({
      title: fix.title,
      preferred: fix.preferred === true,
      edits: fix.edits.map((e) => ({ file: displayPath(e.file, cwd), range: ranges.range(e), newText: e.newText })),
    })),
  }));
  return JSON.stringify(out, null, 2) + '\n';
}
