// `require` (not `import`): bundlers then pick web-tree-sitter's CommonJS build, which finds its
// wasm via __dirname; the ESM build needs import.meta.url, which a CommonJS bundle does not have.
import TreeSitter = require('web-tree-sitter');
import { blankCommentLines } from './commentLines';
import { PyNode, type ParsedPython } from './pyNode';

/**
 * web-tree-sitter initialises asynchronously but rules run synchronously: adapters and tests
 * await `initPythonParser()` once, then every `parsePython()` is sync. Until then the Python
 * side reports itself unavailable instead of failing.
 */

export type PythonParserState = 'uninitialised' | 'ready' | 'failed';

const { Language, Parser } = TreeSitter;
type Parser = InstanceType<typeof Parser>;
type Language = Awaited<ReturnType<typeof Language.load>>;

let parser: Parser | undefined;
let state: PythonParserState = 'uninitialised';
let failure = '';
let pending: Promise<PythonParserState> | undefined;

/** Files above this size are not parsed: they are generated or vendored, never app init code. */
export const MAX_PYTHON_CHARS = 2_000_000;

export interface PythonParserOptions {
  /** Folder holding `web-tree-sitter.wasm` and `tree-sitter-python.wasm` (dist/ in bundles). */
  wasmDir?: string;
}

export function initPythonParser(options: PythonParserOptions = {}): Promise<PythonParserState> {
  pending ??= load(options);
  return pending;
}

async function load(options: PythonParserOptions): Promise<PythonParserState> {
  try {
    const dir = options.wasmDir ?? bundleDir();
    await Parser.init(dir ? { locateFile: (name: string) => `${dir}/${name}` } : undefined);
    const language = await loadLanguage(dir);
    const p = new Parser();
    p.setLanguage(language);
    parser = p;
    state = 'ready';
  } catch (error) {
    state = 'failed';
    failure = error instanceof Error ? error.message : String(error);
  }
  return state;
}

/** In a bundle the wasm files sit next to it; from sources (tests) node_modules has them. */
function bundleDir(): string | undefined {
  return typeof __dirname === 'string' && /[\\/]dist$/.test(__dirname) ? __dirname : undefined;
}

/** The grammar from `dir`, else next to this code, else node_modules: the first that loads. */
async function loadLanguage(dir: string | undefined): Promise<Language> {
  const candidates: Array<() => string> = [];
  if (dir) candidates.push(() => `${dir}/tree-sitter-python.wasm`);
  if (typeof __dirname === 'string') candidates.push(() => `${__dirname}/tree-sitter-python.wasm`);
  candidates.push(() => require.resolve('tree-sitter-python/tree-sitter-python.wasm'));
  let lastError: unknown;
  for (const candidate of candidates) {
    try {
      return await Language.load(candidate());
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

export function pythonParserState(): PythonParserState {
  return state;
}

/** Why the parser is unavailable, for messages. */
export function pythonParserProblem(): string {
  if (state === 'ready') return '';
  if (state === 'failed') return `the Python parser failed to load (${failure})`;
  return 'the Python parser was not initialised (initPythonParser() must run before analysis)';
}

const cache = new Map<string, ParsedPython>();
const CACHE_LIMIT = 500;

/**
 * Parses Python source; undefined when the parser is not ready or the file is too large.
 * Results are cached by (path, text) so re-analysis after an unrelated edit is cheap.
 */
export function parsePython(path: string, text: string): ParsedPython | undefined {
  if (!parser || text.length > MAX_PYTHON_CHARS) return undefined;
  const cached = cache.get(path);
  if (cached && cached.text === text) {
    // Least recently used goes first: re-insert on every hit.
    cache.delete(path);
    cache.set(path, cached);
    return cached;
  }
  let parsed: ParsedPython | undefined;
  try {
    const tree = parser.parse(blankCommentLines(text));
    if (!tree) return undefined;
    parsed = { path, text, root: copyTree(tree.walk(), text), hasErrors: tree.rootNode.hasError };
    tree.delete();
  } catch {
    return undefined;
  }
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.delete(path);
  cache.set(path, parsed);
  return parsed;
}

type Cursor = ReturnType<Parser['parse']> extends infer T ? (T extends { walk(): infer C } ? C : never) : never;

/** Iterative copy (deeply nested code must not overflow the stack); keeps named nodes, drops comments. */
function copyTree(cursor: Cursor, text: string): PyNode {
  const root = new PyNode(text, cursor.nodeType, cursor.startIndex, cursor.endIndex, undefined);
  const stack: PyNode[] = [root];
  if (!cursor.gotoFirstChild()) return root;
  for (;;) {
    const parent = stack[stack.length - 1];
    let descended = false;
    if (cursor.nodeIsNamed && cursor.nodeType !== 'comment') {
      const node = new PyNode(text, cursor.nodeType, cursor.startIndex, cursor.endIndex, cursor.currentFieldName ?? undefined);
      node.parent = parent;
      parent.children.push(node);
      if (cursor.gotoFirstChild()) {
        stack.push(node);
        descended = true;
      }
    }
    if (descended) continue;
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent() || stack.length <= 1) {
        cursor.delete();
        return root;
      }
      stack.pop();
    }
  }
}
