import { pinAtLeast, pinnedVersion } from '../deploy/pythonPins';
import type { Fix, TextEdit } from '../core/finding';
import type { ForkHazard } from '../fork/hazards';
import type { ImportModel } from '../python/importModel';
import { parsePython } from '../python/parser';
import type { Resource } from '../python/values';
import type { RuleContext } from '../rules/rule';
import { eolOf, importInsertionOffset, indentUnit, insertLineAfter, statementAfter } from './pythonEdits';

/**
 * "Dispose the engine after initialisation": `engine.dispose()` / `db.engine.dispose()` right
 * after the statement of the last import-time query on that engine, in the same function and
 * `with app.app_context():` block, so the pool is empty when uWSGI forks (truth f-a, f-c, f-e).
 */
export function disposeFix(context: RuleContext, hazard: ForkHazard): Fix | undefined {
  const last = hazard.last;
  if (hazard.lifetime !== 'pooled' || !last.disposeText) return undefined;
  const text = context.fs.readFile(last.site.file);
  const parsed = text === undefined ? undefined : parsePython(last.site.file, text);
  if (!text || !parsed) return undefined;
  const statement = statementAfter(parsed.root, last.site.start);
  if (!statement || statement.type === 'return_statement' || statement.type === 'raise_statement') return undefined;
  return {
    title: `Dispose the engine after initialisation (${last.disposeText})`,
    preferred: true,
    edits: [insertLineAfter(last.site.file, text, statement, last.disposeText)],
  };
}

const HOOK_NAME = '_dispose_engine_after_fork';

/**
 * "Add a uWSGI post-fork hook": `@postfork` from uwsgidecorators disposing the engine in each
 * worker (truth g-a, g-a-nc). `dispose(close=False)` is SQLAlchemy's child-side form from
 * 1.4.33; older pins get `dispose()`. Offer only where it runs (master, not lazy).
 */
export function postforkFix(context: RuleContext, model: ImportModel, hazard: ForkHazard): Fix | undefined {
  if (hazard.lifetime !== 'pooled') return undefined;
  const home = moduleNaming(model, hazard.owner, hazard.first.site.file);
  if (!home) return undefined;
  const text = context.fs.readFile(home.file);
  const parsed = text === undefined ? undefined : parsePython(home.file, text);
  if (!text || !parsed || text.includes(`def ${HOOK_NAME}`)) return undefined;
  const closeFalse = pinAtLeast(pinnedVersion(context, 'sqlalchemy'), '1.4.33') === true;
  const call = `${home.expression}.dispose(${closeFalse ? 'close=False' : ''})`;
  const eol = eolOf(text);
  const unit = indentUnit(text);
  const edits: TextEdit[] = [];
  if (!/^from uwsgidecorators import .*\bpostfork\b/m.test(text)) {
    const at = importInsertionOffset(parsed.root, text);
    const lead = at === text.length && text.length > 0 && !text.endsWith('\n') ? eol : '';
    edits.push({ file: home.file, start: at, end: at, newText: `${lead}from uwsgidecorators import postfork${eol}` });
  }
  const body = [
    '', '', '@postfork', `def ${HOOK_NAME}():`,
    `${unit}# Each worker starts with an empty pool instead of the master's inherited connections.`,
    `${unit}${call}`, '',
  ].join(eol);
  const trimmedEnd = text.length;
  edits.push({ file: home.file, start: trimmedEnd, end: trimmedEnd, newText: (text.endsWith('\n') || text === '' ? '' : eol) + body });
  return { title: `Add a uWSGI post-fork hook that disposes the engine (${call})`, edits };
}

/** A module-level name for the engine (or the Flask-SQLAlchemy object owning it), preferring `file`. */
function moduleNaming(model: ImportModel, engine: Resource, file: string): { file: string; expression: string } | undefined {
  const modules = [...model.modules].sort((a, b) => Number(b.file === file) - Number(a.file === file));
  for (const module of modules) {
    if (!module.file) continue;
    for (const [name, value] of module.namespace) {
      if (value.kind !== 'resource') continue;
      if (value.resource === engine) return { file: module.file, expression: name };
      if (value.resource.kind === 'fsa' && value.resource.owner === engine) return { file: module.file, expression: `${name}.engine` };
    }
  }
  return undefined;
}
