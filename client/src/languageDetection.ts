import * as vscode from 'vscode';
import { isUwsgiConfig } from '../../server/src/core/configDiscovery';

/**
 * An `.ini` file with a `[uwsgi]` section is a uWSGI config whatever its name. Such files
 * (and only those: other ini files stay with whichever extension owns them) are switched to
 * the uWSGI language so they get its grammar, hover and completion. The server decides with
 * the same function, so the editor and the linter agree on what a config is.
 */
export function adoptUwsgiConfigs(): vscode.Disposable {
  const adopt = (document: vscode.TextDocument): void => {
    if (document.languageId === 'uwsgi-ini' || document.uri.scheme !== 'file') return;
    if (isUwsgiConfig(document.uri.path, document.getText())) {
      void vscode.languages.setTextDocumentLanguage(document, 'uwsgi-ini');
    }
  };
  vscode.workspace.textDocuments.forEach(adopt);
  return vscode.workspace.onDidOpenTextDocument(adopt);
}
