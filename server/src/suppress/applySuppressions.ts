import type { FileSystem } from '../core/fileSystem';
import type { Finding } from '../core/finding';

/** Placeholder until inline suppressions land: returns findings unchanged. */
export function applySuppressions(findings: Finding[], _fs: FileSystem): Finding[] {
  return findings;
}
