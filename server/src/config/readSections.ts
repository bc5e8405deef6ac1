import type { IniDocument, IniProblem } from '../ini/model';
import type { EffectiveConfig } from './effectiveConfig';
import type { EffectiveEntry } from './model';

/** Entries that come from an ini line (not the environment, not a `set = k=v` assignment). */
export function iniEntries(config: EffectiveConfig): EffectiveEntry[] {
  return config.entries.filter((e) => e.origin === 'ini' && e.entry !== undefined);
}

export interface ReadProblem {
  file: string;
  doc: IniDocument;
  problem: IniProblem;
  /** The file was read only under a runtime condition. */
  conditional: boolean;
}

/**
 * Parser problems that matter: those inside the sections uWSGI actually reads, once per file
 * and offset (a file included twice reports once). Problems in other sections are ignored.
 */
export function problemsInReadSections(config: EffectiveConfig): ReadProblem[] {
  const out: ReadProblem[] = [];
  const seen = new Set<string>();
  for (const file of config.files) {
    if (!file.doc) continue;
    for (const problem of file.doc.problems) {
      const inside = problem.kind === 'bom' || file.sections.some((s) => problem.start >= s.span.start && problem.start < s.span.end);
      const key = `${file.path}\0${problem.start}\0${problem.kind}`;
      if (!inside || seen.has(key)) continue;
      seen.add(key);
      out.push({ file: file.path, doc: file.doc, problem, conditional: file.conditional });
    }
  }
  return out;
}
