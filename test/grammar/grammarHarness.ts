// Loads syntaxes/uwsgi.tmLanguage.json the way VS Code does (vscode-textmate over the oniguruma wasm)
// so the tests see the same tokens an editor would.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

const GRAMMAR_PATH = join(__dirname, '..', '..', 'syntaxes', 'uwsgi.tmLanguage.json');
export const SCOPE_NAME = 'source.uwsgi-ini';

export interface Token {
  text: string;
  scopes: string[];
}

let grammarPromise: Promise<textmate.IGrammar> | undefined;

async function loadGrammar(): Promise<textmate.IGrammar> {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName: string) =>
      scopeName === SCOPE_NAME ? textmate.parseRawGrammar(readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH) : null,
  });
  const grammar = await registry.loadGrammar(SCOPE_NAME);
  if (!grammar) throw new Error(`grammar ${SCOPE_NAME} did not load`);
  return grammar;
}

/** Tokens of every line of `text`, carrying the state from line to line as an editor does. */
export async function tokenize(text: string): Promise<Token[][]> {
  grammarPromise ??= loadGrammar();
  const grammar = await grammarPromise;
  let state = textmate.INITIAL;
  const lines: Token[][] = [];
  for (const line of text.split('\n')) {
    const result = grammar.tokenizeLine(line, state);
    lines.push(
      result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes })),
    );
    state = result.ruleStack;
  }
  return lines;
}

/** Scopes of the token(s) covering exactly `fragment` on a one-line text; fails when no token boundary matches. */
export async function scopesOf(line: string, fragment: string): Promise<string[]> {
  const [tokens] = await tokenize(line);
  const at = line.indexOf(fragment);
  if (at < 0) throw new Error(`'${fragment}' is not in '${line}'`);
  let offset = 0;
  const covering: Token[] = [];
  for (const token of tokens) {
    const end = offset + token.text.length;
    if (end > at && offset < at + fragment.length) covering.push(token);
    offset = end;
  }
  const joined = covering.map((t) => t.text).join('');
  if (joined !== fragment) {
    throw new Error(`'${fragment}' is split as ${JSON.stringify(covering.map((t) => t.text))} in '${line}'`);
  }
  // Scopes shared by all covering tokens: what the whole fragment is.
  return covering.reduce<string[]>((acc, t) => acc.filter((s) => t.scopes.includes(s)), covering[0].scopes);
}
