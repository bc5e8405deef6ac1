import {
  MarkupKind,
  type Definition,
  type DocumentLink,
  type ServerCapabilities,
  type TextDocumentIdentifier,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../core/lineIndex';
import {
  completionsAt,
  definitionAt,
  documentLinks,
  documentSymbols,
  foldingRanges,
  hoverAt,
  optionMarkdown,
} from '../features';
import type { FeatureRequest } from '../features/types';
import { parseIni } from '../ini/parser';
import { FeatureConverter, isOptionItemData } from './featureConversions';
import type { ServerServices } from './services';

export const UWSGI_LANGUAGE_ID = 'uwsgi-ini';

/** The part of the initialize result these handlers need. */
export type FeatureCapabilities = Pick<
  ServerCapabilities,
  'hoverProvider' | 'completionProvider' | 'documentSymbolProvider' | 'foldingRangeProvider' | 'documentLinkProvider' | 'definitionProvider'
>;

/** `=` starts a value, `/` continues a path, `,` the next plugin name, `(` a `%(placeholder)`. */
const TRIGGER_CHARACTERS = ['=', '/', ',', '('];

/**
 * Registers hover, completion, symbols, folding, links and definition for uWSGI ini documents
 * on `services.connection`. The answers are computed by `features/` as plain data; this file only
 * converts them. A failing feature logs and answers null, never taking the server down.
 */
export function registerFeatureHandlers(services: ServerServices): FeatureCapabilities {
  const { connection } = services;

  /** The open document as a feature request, or undefined when it is not a uWSGI ini file we can read. */
  async function requestFor(id: TextDocumentIdentifier): Promise<{ request: FeatureRequest; document: TextDocument } | undefined> {
    const document = services.documents.get(id.uri);
    if (!document || !isUwsgiDocument(document)) return undefined;
    let path: string;
    try {
      path = services.uriToPath(id.uri);
    } catch {
      return undefined;
    }
    const settings = await services.settingsFor(path);
    return { request: { path, text: document.getText(), fs: services.fs, settings }, document };
  }

  function guarded<P, R>(name: string, handler: (params: P) => Promise<R | null>): (params: P) => Promise<R | null> {
    return async (params) => {
      try {
        return await handler(params);
      } catch (error) {
        connection.console.error(`uwsgi-lint: ${name} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
        return null;
      }
    };
  }

  connection.onHover(
    guarded('hover', async ({ textDocument, position }) => {
      const found = await requestFor(textDocument);
      if (!found) return null;
      const convert = FeatureConverter.forText(found.request.text);
      const hover = hoverAt(found.request, convert.lines.offsetAt(position));
      return hover ? { contents: { kind: MarkupKind.Markdown, value: hover.contents }, range: convert.range(hover.range) } : null;
    }),
  );

  connection.onCompletion(
    guarded('completion', async ({ textDocument, position }) => {
      const found = await requestFor(textDocument);
      if (!found) return null;
      const convert = FeatureConverter.forText(found.request.text);
      const version = found.request.settings.uwsgiVersion;
      const items = completionsAt(found.request, convert.lines.offsetAt(position));
      return { isIncomplete: false, items: items.map((item) => convert.completion(item, version)) };
    }),
  );

  connection.onCompletionResolve((item) => {
    if (isOptionItemData(item.data) && !item.documentation) {
      const markdown = optionMarkdown(item.data.option, item.data.version);
      if (markdown) item.documentation = { kind: MarkupKind.Markdown, value: markdown };
    }
    return item;
  });

  connection.onDocumentSymbol(
    guarded('documentSymbol', async ({ textDocument }) => {
      const found = await requestFor(textDocument);
      if (!found) return null;
      const convert = FeatureConverter.forText(found.request.text);
      return documentSymbols(parseIni(found.request.text)).map((s) => convert.symbol(s));
    }),
  );

  connection.onFoldingRanges(
    guarded('foldingRange', async ({ textDocument }) => {
      const found = await requestFor(textDocument);
      if (!found) return null;
      const convert = FeatureConverter.forText(found.request.text);
      return foldingRanges(parseIni(found.request.text)).map((f) => convert.folding(f));
    }),
  );

  connection.onDocumentLinks(
    guarded('documentLink', async ({ textDocument }) => {
      const found = await requestFor(textDocument);
      if (!found) return null;
      const convert = FeatureConverter.forText(found.request.text);
      return documentLinks(found.request).map(
        (link): DocumentLink => ({ range: convert.range(link.range), target: services.pathToUri(link.target), tooltip: link.tooltip }),
      );
    }),
  );

  connection.onDefinition(
    guarded('definition', async ({ textDocument, position }): Promise<Definition | null> => {
      const found = await requestFor(textDocument);
      if (!found) return null;
      const convert = FeatureConverter.forText(found.request.text);
      const targets = definitionAt(found.request, convert.lines.offsetAt(position));
      return targets.map((target) => {
        const text = target.path === found.request.path ? found.request.text : services.fs.readFile(target.path) ?? '';
        const lines = new LineIndex(text);
        return {
          uri: services.pathToUri(target.path),
          range: { start: lines.positionAt(target.range.start), end: lines.positionAt(target.range.end) },
        };
      });
    }),
  );

  return {
    hoverProvider: true,
    completionProvider: { triggerCharacters: TRIGGER_CHARACTERS, resolveProvider: true },
    documentSymbolProvider: true,
    foldingRangeProvider: true,
    documentLinkProvider: { resolveProvider: false },
    definitionProvider: true,
  };
}

/** Our language id, or any document with a `[uwsgi]` section (the client may hand us plain `ini`). */
export function isUwsgiDocument(document: TextDocument): boolean {
  return document.languageId === UWSGI_LANGUAGE_ID || /^[ \t]*\[uwsgi\][ \t]*\r?$/m.test(document.getText());
}
