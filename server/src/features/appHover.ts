import type { AppEntry } from '../app/appEntry';
import { LineIndex } from '../core/lineIndex';
import type { FileSystem } from '../core/fileSystem';
import { topLevelBinding } from './pythonBinding';

const WHEN: Record<AppEntry['kind'], string> = {
  module: 'imports this module',
  file: 'runs this file',
  mount: 'imports this app for the mount point',
  import: 'imports this module in every process that loads the app',
  'shared-import': 'imports this module in the master, before forking, even with lazy-apps',
};

/** Markdown for the value of an app-loading option: the Python file uWSGI reaches and what it looks up there. */
export function appEntryMarkdown(app: AppEntry, fs: FileSystem, relative: (path: string) => string): string {
  const lines: string[] = [];
  if (app.filePath) {
    lines.push(`uWSGI ${WHEN[app.kind]}: \`${relative(app.filePath)}\``);
    if (app.callable && app.kind !== 'import' && app.kind !== 'shared-import') {
      const text = fs.readFile(app.filePath);
      const binding = text !== undefined ? topLevelBinding(text, app.callable) : undefined;
      const where = binding && text !== undefined ? ` (line ${new LineIndex(text).positionAt(binding.start).line + 1})` : ' (**not found at module level**)';
      const from = app.callableFrom === 'default' ? ', uWSGI\'s default name' : app.callableFrom === 'option' ? ', from `callable`' : '';
      lines.push('', `WSGI callable: \`${app.callable}\`${from}${where}${app.callsFactory ? ', called as a factory at load time' : ''}.`);
    }
  } else {
    const what = app.moduleName ? `module \`${app.moduleName}\`` : `\`${app.value}\``;
    lines.push(`uwsgi-lint could not find ${what} in the workspace.`);
    if (app.searched && app.searched.length > 0) lines.push('', `Searched: ${app.searched.map((s) => `\`${s}\``).join(', ')}`);
  }
  if (app.mappingNotes.length > 0) lines.push('', `Paths: ${app.mappingNotes.join('; ')}`);
  if (app.conditional) lines.push('', 'Inside a config logic block: applies only when its condition holds.');
  return lines.join('\n');
}
