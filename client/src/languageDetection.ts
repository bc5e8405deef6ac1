import * as vscode from 'vscode';

const UWSGI_SECTION = /^\uFEFF?[ \t]*\[uwsgi\][ \t]*\r?$/m;

/**
 * An `.ini` file with a `[uwsgi]` section is a uWSGI config whatever its name. Such files
 * (and only those: other ini files stay with whichever extension owns them) are switched to
 * the uWSGI language so they get its grammar, hover and completion.
 */
export function adoptUwsgiConfigs(): vscode.Disposable {
  const adopt = (document: vscode.TextDocument): void => {
    if (document.languageId === 'uwsgi-ini' || !document.fileName.endsWith('.ini')) return;
    if (UWSGI_SECTION.test(document.getText())) {
      void vscode.languages.setTextDocumentLanguage(document, 'uwsgi-ini');
    }
  };
  vscode.workspace.textDocuments.forEach(adopt);
  return vscode.workspace.onDidOpenTextDocument(adopt);
}
