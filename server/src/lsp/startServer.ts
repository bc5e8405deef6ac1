import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  FileChangeType,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { discoverConfigs } from '../core/configDiscovery';
import { initEngine } from '../node/initEngine';
import { NodeFileSystem } from '../node/nodeFileSystem';
import { OverlayFileSystem } from '../node/overlayFileSystem';
import { fixAll, FIX_ALL_KIND, quickFixes } from './codeActions';
import { registerFeatureHandlers } from './featureHandlers';
import { LintScheduler } from './lintScheduler';
import type { ServerServices } from './services';
import { SettingsCache } from './settingsCache';
import { suppressionActions } from './suppressionActions';
import { isFileUri, UriRegistry, uriToPath } from './uris';

/** Wires the LSP connection to the analysis core; holds no analysis logic of its own. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const fs = new OverlayFileSystem(new NodeFileSystem());
  const uris = new UriRegistry();
  let roots: string[] = [];
  let canPullConfiguration = false;
  let canRegisterConfigurationChange = false;
  let hasWorkspaceFolderEvents = false;

  const settings = new SettingsCache(connection, () => canPullConfiguration, () => roots, (p) => uris.toUri(p));
  const scheduler = new LintScheduler(connection, fs, settings, () => roots, (p) => uris.toUri(p), initEngine);
  const services: ServerServices = {
    connection,
    documents,
    fs,
    workspaceRoots: () => roots,
    settingsFor: async (path) => (await settings.get(path)).lint,
    uriToPath,
    pathToUri: (path) => uris.toUri(path),
  };

  connection.onInitialize((params): InitializeResult => {
    const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
    roots = folders.filter((f) => isFileUri(f.uri)).map((f) => uriToPath(f.uri));
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    canRegisterConfigurationChange = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    hasWorkspaceFolderEvents = params.capabilities.workspace?.workspaceFolders === true;
    const features = registerFeatureHandlers(services);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        ...features,
      },
      serverInfo: { name: 'uwsgi-lint', version: typeof UWSGI_LINT_VERSION === 'string' ? UWSGI_LINT_VERSION : 'development' },
    };
  });

  connection.onInitialized(() => {
    if (canRegisterConfigurationChange) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'uwsgiLint' });
    }
    if (hasWorkspaceFolderEvents) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((f) => uriToPath(f.uri)));
        roots = roots.filter((r) => !removed.has(r)).concat(event.added.filter((f) => isFileUri(f.uri)).map((f) => uriToPath(f.uri)));
        settings.clear();
        discover(event.added.filter((f) => isFileUri(f.uri)).map((f) => uriToPath(f.uri)));
        scheduler.scheduleAll();
      });
    }
    discover(roots);
  });

  /** Finds the uWSGI configs in the workspace so their findings show before any file is opened. */
  function discover(folders: string[]): void {
    const started = Date.now();
    const result = discoverConfigs(fs, folders);
    for (const path of result.configs) scheduler.track(path);
    connection.console.info(
      `uwsgi-lint: found ${result.configs.length} uWSGI config(s) in ${Date.now() - started} ms` +
        (result.truncated ? ' (search stopped at 20000 entries; open a config to lint it)' : ''),
    );
    scheduler.schedule(result.configs);
  }

  documents.onDidOpen(({ document }) => bufferChanged(document));
  documents.onDidChangeContent(({ document }) => bufferChanged(document));
  documents.onDidClose(({ document }) => {
    if (!isFileUri(document.uri)) return;
    const path = uriToPath(document.uri);
    fs.clearBuffer(path);
    scheduler.track(path);
    scheduler.fileChanged(path);
  });

  function bufferChanged(document: TextDocument): void {
    if (!isFileUri(document.uri)) return;
    const path = uris.remember(document.uri);
    fs.setBuffer(path, document.getText());
    if (path.endsWith('.ini')) scheduler.track(path);
    scheduler.fileChanged(path);
  }

  connection.onDidChangeWatchedFiles(({ changes }) => {
    for (const change of changes) {
      if (!isFileUri(change.uri)) continue;
      const path = uriToPath(change.uri);
      if (path.endsWith('.ini')) {
        if (change.type === FileChangeType.Deleted && !documents.get(change.uri)) scheduler.untrack(path);
        else scheduler.track(path);
      }
      scheduler.fileChanged(path);
    }
  });

  connection.onDidChangeConfiguration(() => {
    settings.clear();
    scheduler.scheduleAll();
  });

  connection.onCodeAction(async (params) => {
    if (!isFileUri(params.textDocument.uri)) return [];
    const path = uriToPath(params.textDocument.uri);
    if (params.context.only?.some((kind) => FIX_ALL_KIND.startsWith(kind) && kind !== CodeActionKind.QuickFix)) {
      await scheduler.idle();
      const action = fixAll(params.textDocument.uri, scheduler.diagnosticsFor(path));
      return action ? [action] : [];
    }
    return quickFixes(params, (diagnostic) => suppressionActions(diagnostic, path, fs, (p) => uris.toUri(p)));
  });

  documents.listen(connection);
  connection.listen();
}

declare const UWSGI_LINT_VERSION: string | undefined;
