import { pinAtLeast, pinnedVersion } from '../deploy/pythonPins';
import type { Fix, TextEdit } from '../core/finding';
import type { ForkHazard } from '../fork/hazards';
import type { ImportModel } from '../python/importModel';
import { parsePython } from '../python/parser';
import type { Frame, Resource } from '../python/values';
import type { RuleContext } from '../rules/rule';
import { disposeTarget } from '../python/disposeHint';
import type { PyNode } from '../python/pyNode';
import type { Scope } from '../python/scope';
import { eolOf, importInsertionOffset, indentUnit, insertLineAfter, insideAppContext, statementAfter } from './pythonEdits';

/**
 * "Dispose the engine after initialisation": `engine.dispose()` / `db.engine.dispose()` after the
 * last import-time query on that engine, so the pool is empty when uWSGI forks (truth f-a, f-c,
 * f-e). Placed at the outermost call of the init path that sits in `with app.app_context():`
 * (after `_seed_roles()` rather than inside it), else right after the query's own statement.
 */
export function disposeFix(context: RuleContext, hazard: ForkHazard): Fix | undefined {
  if (hazard.lifetime !== 'pooled' || hazard.owner.kind !== 'engine') return undefined;
  const last = hazard.last;
  const candidates: Array<{ frame: Frame; scope: Scope | undefined }> = [{ frame: last.site, scope: last.scope }];
  for (let i = last.chain.length - 1; i >= 0; i--) {
    if (last.callerScopes[i]) candidates.push({ frame: last.chain[i], scope: last.callerScopes[i] });
  }
  let first: Placement | undefined;
  let inContext: Placement | undefined;
  for (const candidate of candidates) {
    const placement = placementFor(context, candidate.frame, candidate.scope, hazard.owner);
    if (!placement) continue;
    first ??= placement;
    if (placement.inAppContext) inContext = placement;
  }
  const chosen = inContext ?? first;
  if (!chosen) return undefined;
  return {
    title: `Dispose the engine after initialisation (${chosen.call})`,
    preferred: true,
    edits: [insertLineAfter(chosen.file, chosen.text, chosen.statement, chosen.call)],
  };
}

interface Placement {
  file: string;
  text: string;
  statement: PyNode;
  call: string;
  inAppContext: boolean;
}

function placementFor(context: RuleContext, frame: Frame, scope: Scope | undefined, engine: Resource): Placement | undefined {
  const call = scope ? disposeTarget(scope, engine) : undefined;
  const text = call ? context.fs.readFile(frame.file) : undefined;
  const parsed = text === undefined ? undefined : parsePython(frame.file, text);
  if (!call || !text || !parsed) return undefined;
  const statement = statementAfter(parsed.root, frame.start);
  if (!statement || statement.type === 'return_statement' || statement.type === 'raise_statement') return undefined;
  return { file: frame.file, text, statement, call, inAppContext: insideAppContext(statement) };
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
  if (!/^[ \t]*from uwsgidecorators import .*\bpostfork\b/m.test(text)) {
    const at = importInsertionOffset(parsed.root, text);
    const lead = at === text.length && text.length > 0 && !text.endsWith('\n') ? eol : '';
    // uwsgidecorators exists only inside uWSGI: `flask run` and tests import this module too.
    const guarded = [
      'try:',
      `${unit}from uwsgidecorators import postfork`,
      'except ImportError:  # not running under uWSGI (flask run, tests): no workers are forked',
      `${unit}def postfork(hook):`,
      `${unit}${unit}return hook`,
      '',
    ].join(eol);
    edits.push({ file: home.file, start: at, end: at, newText: `${lead}${guarded}` });
  }
  // Flask-SQLAlchemy 3 only hands out `db.engine` inside an app context.
  const inner = home.app ? [`${unit}with ${home.app}.app_context():`, `${unit}${unit}${call}`] : [`${unit}${call}`];
  const body = [
    '', '', '@postfork', `def ${HOOK_NAME}():`,
    `${unit}# Each worker starts with an empty pool instead of the master's inherited connections.`,
    ...inner, '',
  ].join(eol);
  const trimmedEnd = text.length;
  edits.push({ file: home.file, start: trimmedEnd, end: trimmedEnd, newText: (text.endsWith('\n') || text === '' ? '' : eol) + body });
  return { title: `Add a uWSGI post-fork hook that disposes the engine (${call})`, edits };
}

/**
 * A module-level name for the engine, preferring `file`. A Flask-SQLAlchemy engine also needs a
 * module-level Flask app for its app context; without one (app built in a factory) no hook is offered.
 */
function moduleNaming(model: ImportModel, engine: Resource, file: string): { file: string; expression: string; app?: string } | undefined {
  const modules = [...model.modules].sort((a, b) => Number(b.file === file) - Number(a.file === file));
  for (const module of modules) {
    if (!module.file) continue;
    const names = [...module.namespace];
    const app = names.find(([, v]) => v.kind === 'resource' && v.resource.kind === 'flaskApp')?.[0];
    for (const [name, value] of names) {
      if (value.kind !== 'resource') continue;
      if (value.resource === engine) return { file: module.file, expression: name };
      if (value.resource.kind === 'fsa' && value.resource.owner === engine && app) return { file: module.file, expression: `${name}.engine`, app };
    }
  }
  return undefined;
}
