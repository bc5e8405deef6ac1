import type { AppEntry } from '../app/appEntry';
import type { Fix, RelatedSpan, Severity } from '../core/finding';
import { disposeFix, postforkFix } from '../fixes/forkCleanupFixes';
import { lazyAppsFix } from '../fixes/lazyAppsFix';
import { importModelOf } from '../python/importModelOf';
import type { RuleContext } from '../rules/rule';
import { forkModelOf } from './forkModel';
import { forkHazards, type ForkHazard } from './hazards';
import { capitalize, inherits, chainRelated, conditionalNote, displayPath, forkReason, hazardWhat, isConditional, measured, where } from './messages';

export interface HazardRuleOptions {
  family: 'database' | 'network';
  /** UW304: hazards of `shared-import` entries; UW301/UW303: every other entry. */
  sharedImport: boolean;
  /** What the ini-side message calls the thing (`a database connection`, `a network client`). */
  noun: string;
}

/**
 * Reports each fork hazard on both sides: the ini entry that loads the code and the Python line
 * that opens the connection (once per file), each pointing at the other and at the import chain.
 */
export function reportHazards(context: RuleContext, options: HazardRuleOptions): void {
  const model = importModelOf(context);
  if (model.status !== 'ok') return;
  const fork = forkModelOf(context);
  const hazards = forkHazards(model, fork).filter(
    (h) => (h.family === 'network') === (options.family === 'network') && (h.entry.kind === 'shared-import') === options.sharedImport,
  );
  const verdict = options.sharedImport ? fork.preforkShared : fork.preforkApp;
  if (verdict === false || hazards.length === 0) return;
  const lazyFix = options.sharedImport ? undefined : lazyAppsFix(context);
  const byFile = new Map<string, ForkHazard[]>();
  for (const hazard of hazards) byFile.set(hazard.first.site.file, [...(byFile.get(hazard.first.site.file) ?? []), hazard]);
  for (const list of byFile.values()) reportPython(context, model, list, options, lazyFix);
  const byEntry = new Map<number, ForkHazard[]>();
  for (const hazard of hazards) byEntry.set(hazard.entryIndex, [...(byEntry.get(hazard.entryIndex) ?? []), hazard]);
  for (const list of byEntry.values()) reportIni(context, list, options, lazyFix);
}

function severityOf(context: RuleContext, hazard: ForkHazard): Severity {
  const fork = forkModelOf(context);
  if (isConditional(fork, hazard.entry)) return 'information';
  return hazard.lifetime === 'held' ? 'error' : 'warning';
}

const RANK: Record<ForkHazard['lifetime'], number> = { held: 0, client: 1, pooled: 2 };

function reportPython(
  context: RuleContext, model: ReturnType<typeof importModelOf>, list: ForkHazard[], options: HazardRuleOptions, lazyFix: Fix | undefined,
): void {
  const fork = forkModelOf(context);
  // The finding sits on the file's first connecting statement; its severity is the worst in the file.
  const hazard = [...list].sort((a, b) => a.first.seq - b.first.seq)[0];
  const worst = [...list].sort((a, b) => RANK[a.lifetime] - RANK[b.lifetime])[0];
  const entry = hazard.entry;
  const advice = options.sharedImport
    ? ' lazy-apps does not help here: open the connection in the app instead, or dispose/close it before the module finishes importing.'
    : hazard.lifetime === 'pooled'
      ? ' Dispose the engine after initialisation (or in a post-fork hook), or set lazy-apps = true.'
      : hazard.lifetime === 'held'
        ? ' Open it per worker (lazy-apps = true, or a post-fork hook) or close it before the import ends.'
        : ' Create the client per worker (lazy-apps = true or a post-fork hook).';
  const others = list.filter((h) => h !== hazard).map((h) => `\`${h.first.site.label}\` (${where(context.fs, context.rootPath, h.first.site)}${h.lifetime === 'held' ? ', held for the process' : ''})`);
  const also = others.length > 0 ? ` Also opened before the fork in this file: ${others.join(', ')}.` : '';
  const message =
    `${hazardWhat(hazard)}. ${capitalize(forkReason(fork, entry))}, so ${inherits(fork)}. ${measured(worst)}${advice}${also}` +
    conditionalNote(fork, entry);
  const related: RelatedSpan[] = [
    { ...entry.origin, message: `uWSGI imports this code here: ${entry.key} = ${entry.value} (${where(context.fs, context.rootPath, entry.origin)})` },
    ...chainRelated(context.fs, context.rootPath, hazard.first.chain.slice(1)),
  ];
  if (hazard.last !== hazard.first) {
    related.push({ ...hazard.last.site, message: `last import-time use of this connection: ${hazard.last.site.label}` });
  }
  for (const other of list) {
    if (other !== hazard) related.push({ ...other.first.site, message: `also opened before the fork: ${other.first.site.label}` });
  }
  related.push(...decidingRelated(fork));
  const fixes: Fix[] = [];
  const dispose = disposeFix(context, hazard);
  if (dispose) fixes.push(dispose);
  if (fork.postforkRuns === true && fork.uwsgidecoratorsImportable === true) {
    const hook = postforkFix(context, model, hazard);
    if (hook) fixes.push(hook);
  }
  if (lazyFix) fixes.push({ ...lazyFix, preferred: fixes.length === 0 });
  context.report({
    file: hazard.first.site.file,
    start: hazard.first.site.start,
    end: hazard.first.site.end,
    message,
    severity: severityOf(context, worst),
    related,
    fixes,
  });
}

function reportIni(context: RuleContext, list: ForkHazard[], options: HazardRuleOptions, lazyFix: Fix | undefined): void {
  const fork = forkModelOf(context);
  const entry: AppEntry = list[0].entry;
  const worst = [...list].sort((a, b) => RANK[a.lifetime] - RANK[b.lifetime])[0];
  const sites = list.map((h) => `${where(context.fs, context.rootPath, h.first.site)} (\`${h.first.site.label}\`)`);
  const name = entry.moduleName ?? (entry.filePath ? displayPath(context.rootPath, entry.filePath) : entry.value);
  const fix = options.sharedImport
    ? ' lazy-apps does not change when shared-import runs: connect in the app instead, or close/dispose before the module finishes importing.'
    : ' Set lazy-apps = true, or dispose the engine after initialisation.';
  const message =
    `Importing \`${name}\` opens ${options.noun} before uWSGI forks: ${forkReason(fork, entry)}. ` +
    `Opened at ${sites.join(', ')}; every worker inherits it. ${measured(worst)}${fix}${conditionalNote(fork, entry)}`;
  const related: RelatedSpan[] = [];
  for (const hazard of list) {
    related.push({ ...hazard.first.site, message: `opens the connection: ${hazard.first.site.label}` });
    related.push(...chainRelated(context.fs, context.rootPath, hazard.first.chain.slice(1)));
  }
  related.push(...decidingRelated(fork));
  context.report({
    file: entry.origin.file,
    start: entry.origin.start,
    end: entry.origin.end,
    message,
    severity: severityOf(context, worst),
    related,
    fixes: lazyFix ? [lazyFix] : [],
  });
}

/** The config lines that decide the verdict: a falsy `lazy-apps`, and `UWSGI_*` declarations in deployment files. */
function decidingRelated(fork: ReturnType<typeof forkModelOf>): RelatedSpan[] {
  const out: RelatedSpan[] = [];
  const lazy = fork.lazyEntry;
  if (lazy && fork.lazy === false) out.push({ ...lazy.span, message: `\`${lazy.key} = ${lazy.raw}\` is false, so the app is imported before the fork` });
  for (const e of fork.environmentEntries) {
    out.push({ ...(e.environment?.origin ?? e.span), message: `${e.environment?.variable ?? e.key} sets ${e.option} = ${e.value} for this service` });
  }
  for (const e of fork.variableEntries) {
    for (const v of e.variables ?? []) out.push({ ...v.origin, message: `${v.name}=${v.value} (${v.via}) makes \`${e.key} = ${e.raw}\` read \`${e.value}\`` });
  }
  return out;
}
