// What a person does in the VS Code workbench, expressed as playwright actions on code-server's page, and what they
// see, read back from the DOM. Every wait polls with a deadline (waitFor) and reports what it saw last.
import { waitFor } from './wait.mjs';

const SECOND = 1000;

export class Workbench {
  /** @param {import('playwright-core').Page} page */
  /** @param {() => string} [extensionLog] the extension's output channel, read to explain (and cut short) a wait */
  constructor(page, folder, extensionLog = () => '') {
    this.page = page;
    this.folder = folder;
    this.extensionLog = extensionLog;
  }

  /**
   * Throws at once (fatal for waitFor) when the extension's log shows its language server could not start: waiting
   * the full deadline for findings that cannot come only hides the cause.
   */
  checkServerStarted() {
    const log = this.extensionLog();
    if (/Server initialization failed|couldn't create connection to server|Cannot find module/.test(log)) {
      const error = new Error(`the uWSGI Lint language server did not start; its output channel says:\n${log.split('\n').slice(0, 25).join('\n')}`);
      error.fatal = true;
      throw error;
    }
  }

  async open(url, { trust = true } = {}) {
    await this.page.goto(url);
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 60 * SECOND });
    if (trust) {
      await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60 * SECOND });
    }
  }

  // ---- commands and keyboard -------------------------------------------------------------------------------------

  /** Runs a command by its title through the Command Palette (F1), as a person would. */
  async runCommand(title) {
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.press('F1');
    await input.waitFor({ state: 'visible', timeout: 10 * SECOND });
    await input.fill(`>${title}`);
    const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
    await row.waitFor({ state: 'visible', timeout: 10 * SECOND });
    await this.page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden', timeout: 10 * SECOND }).catch(() => {});
  }

  /** Opens a workspace file with Quick Open (Ctrl+P) and waits until its editor is the active one. */
  async openFile(relativePath) {
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.press('Control+P');
    await input.waitFor({ state: 'visible', timeout: 10 * SECOND });
    await input.fill(relativePath);
    const name = relativePath.split('/').pop();
    await waitFor(`Quick Open to list ${relativePath}`, 15 * SECOND, async () =>
      (await this.page.locator('.quick-input-list .monaco-list-row', { hasText: name }).count()) > 0,
    );
    await this.page.keyboard.press('Enter');
    await waitFor(`${name} to be the active editor`, 15 * SECOND, async () => (await this.activeTabTitle()) === name, {
      describe: () => this.activeTabTitle(),
    });
    await this.editor().locator('.view-lines').waitFor({ state: 'visible', timeout: 10 * SECOND });
  }

  async activeTabTitle() {
    const tab = this.page.locator('.editor-group-container.active .tab.active .label-name').first();
    return (await tab.count()) ? (await tab.innerText()).trim() : undefined;
  }

  async openTabTitles() {
    return this.page.locator('.tabs-container .tab .label-name').allInnerTexts();
  }

  editor() {
    return this.page.locator('.editor-group-container.active .monaco-editor').first();
  }

  async focusEditor() {
    await this.editor().locator('.view-lines').click({ position: { x: 5, y: 5 } });
  }

  /** Moves keyboard focus into the active editor without moving its cursor (e.g. after opening it from Problems). */
  async focusEditorKeepingCursor() {
    await this.runCommand('View: Focus Active Editor Group');
    await waitFor('the editor to have focus', 10 * SECOND, () =>
      this.page.evaluate(() => !!document.activeElement?.closest('.editor-group-container.active .monaco-editor')),
    );
  }

  /** Moves the cursor with Go to Line (Ctrl+G), 1-based line and column. */
  async goToLine(line, column = 1) {
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await this.page.keyboard.press('Control+G');
    await input.waitFor({ state: 'visible', timeout: 10 * SECOND });
    await input.fill(`:${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden', timeout: 10 * SECOND });
  }

  async save() {
    await this.page.keyboard.press('Control+S');
    await waitFor('the active editor to be saved', 15 * SECOND, async () =>
      (await this.page.locator('.editor-group-container.active .tab.active.dirty').count()) === 0,
    );
  }

  // ---- Problems panel ------------------------------------------------------------------------------------------

  async showProblems() {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible().catch(() => false))) await this.runCommand('Problems: Focus on Problems View');
    await panel.waitFor({ state: 'visible', timeout: 15 * SECOND });
  }

  /**
   * The Problems panel as a person reads it, in display order: file rows ({ kind: 'file', name, path, count }), the
   * marker rows under them ({ kind: 'marker', severity, message, source, code, position, href }) and the marker's
   * related-information rows ({ kind: 'related', resource, position, description }). The panel renders only the rows
   * in view, so this scrolls it through once (with the mouse wheel) and then back to the top.
   */
  async readProblems() {
    const byIndex = new Map();
    const list = this.page.locator('.markers-panel .monaco-list').first();
    let scrolled = false;
    for (let round = 0; round < 50; round++) {
      const { rows, total } = await this.page.evaluate(() => {
        const text = (row, selector) => row.querySelector(selector)?.textContent?.trim() ?? '';
        const container = document.querySelector('.markers-panel .monaco-list-rows');
        const rowHeight = 22;
        const total = container ? Math.round(parseFloat(container.style.height || '0') / rowHeight) : 0;
        const rows = [...document.querySelectorAll('.markers-panel .monaco-list-row')].map((row) => {
          const index = Number(row.getAttribute('data-index'));
          const level = row.getAttribute('aria-level');
          if (level === '1') {
            return {
              index,
              kind: 'file',
              name: text(row, '.label-name'),
              path: row.querySelector('.monaco-icon-label')?.getAttribute('aria-label') ?? '',
              count: text(row, '.monaco-count-badge'),
            };
          }
          if (level === '3') {
            return {
              index,
              kind: 'related',
              resource: text(row, '.related-info-resource'),
              position: text(row, '.marker-line'),
              description: text(row, '.marker-description'),
            };
          }
          const icon = row.querySelector('.marker-icon');
          return {
            index,
            kind: 'marker',
            severity: icon ? [...icon.classList].find((c) => c !== 'marker-icon') : undefined,
            message: text(row, '.marker-message'),
            source: text(row, '.marker-source'),
            code: text(row, '.marker-code'),
            position: text(row, '.marker-line'),
            href: row.querySelector('.marker-code')?.closest('a')?.getAttribute('href') ?? '',
          };
        });
        return { rows, total };
      });
      for (const row of rows) byIndex.set(row.index, row);
      if (byIndex.size >= total || rows.length === 0) break;
      scrolled = true;
      const box = await list.boundingBox();
      await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await this.page.mouse.wheel(0, Math.max(66, box.height - 44));
    }
    if (scrolled) await this.page.mouse.wheel(0, -100_000);
    return [...byIndex.values()].sort((a, b) => a.index - b.index);
  }

  /** Marker rows grouped under their file row: [{ name, path, count, markers: [{ ..., related: [...] }] }]. */
  async problemsByFile() {
    const files = [];
    for (const row of await this.readProblems()) {
      const file = files[files.length - 1];
      const marker = file?.markers[file.markers.length - 1];
      if (row.kind === 'file') files.push({ ...row, markers: [] });
      else if (row.kind === 'marker' && file) file.markers.push({ ...row, related: [] });
      else if (row.kind === 'related' && marker) marker.related.push(row);
    }
    return files;
  }

  /** Clicks a marker row: VS Code opens its file with the cursor on the finding, as when a person clicks it. */
  async clickProblem(fileName, code) {
    const files = await this.problemsByFile();
    const marker = files.find((f) => f.name === fileName)?.markers.find((m) => m.code === code);
    if (!marker) throw new Error(`no ${code} under ${fileName} in the Problems panel: ${JSON.stringify(files)}`);
    const row = this.page.locator(`.markers-panel .monaco-list-row[data-index="${marker.index}"]`);
    const list = this.page.locator('.markers-panel .monaco-list').first();
    await waitFor(`the ${code} row to be in view`, 10 * SECOND, async () => {
      if ((await row.count()) > 0) return true;
      const box = await list.boundingBox();
      await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await this.page.mouse.wheel(0, 66);
      return false;
    });
    await row.locator('.marker-message').click();
  }

  async waitForProblems(what, predicate, timeoutMs = 60 * SECOND) {
    await this.showProblems();
    return waitFor(what, timeoutMs, async () => {
      this.checkServerStarted();
      const files = await this.problemsByFile();
      return predicate(files) ? files : undefined;
    }, {
      describe: async () =>
        `${JSON.stringify(await this.problemsByFile())}\n--- uWSGI Lint output channel (last lines) ---\n` +
        this.extensionLog().split('\n').slice(-15).join('\n'),
    });
  }

  // ---- editor contents -----------------------------------------------------------------------------------------

  /** Diagnostic squiggles in the active editor, as screen boxes. */
  async squiggles() {
    return this.editor().locator('.view-overlays [class*="squiggly-"]').evaluateAll((nodes) =>
      nodes.map((n) => {
        const r = n.getBoundingClientRect();
        return { className: n.className, x: r.x, y: r.y, width: r.width, height: r.height };
      }),
    );
  }

  /** Squiggles on a 1-based line of the active editor, found through the line number in the gutter. */
  async squigglesOnLine(line) {
    const gutter = await this.editor().locator('.margin-view-overlays .line-numbers').evaluateAll(
      (nodes, wanted) => {
        const n = nodes.find((node) => node.textContent.trim() === String(wanted));
        if (!n) return undefined;
        const r = n.getBoundingClientRect();
        return { y: r.y, height: r.height };
      },
      line,
    );
    if (!gutter) return [];
    const mid = (s) => s.y + s.height / 2;
    return (await this.squiggles()).filter((s) => mid(s) >= gutter.y && mid(s) <= gutter.y + gutter.height);
  }

  /** Hovers the mouse over a box and returns the visible hover's text and links once it shows `expect`. */
  async hover(box, expect = /\S/) {
    const x = box.x + Math.min(box.width / 2, 20);
    const y = box.y + box.height / 2;
    await this.page.mouse.move(x + 150, y + 150);
    await this.page.mouse.move(x, y, { steps: 5 });
    let polls = 0;
    return waitFor('the hover to show', 15 * SECOND, async () => {
      // A person's hand is never perfectly still; a 1px move re-arms the hover if the first move was missed.
      if (++polls % 10 === 0) await this.page.mouse.move(x + (polls % 20 ? 1 : 0), y);
      const hovers = await this.page.locator('.monaco-hover:not(.hidden)').evaluateAll((nodes) =>
        nodes
          .filter((n) => n.checkVisibility())
          .map((n) => ({
            text: n.innerText,
            links: [...n.querySelectorAll('a')].map((a) => ({ text: a.innerText.trim(), href: a.getAttribute('href') ?? a.dataset.href ?? '' })),
          })),
      );
      return hovers.find((h) => expect.test(h.text));
    }, { describe: () => this.page.locator('.monaco-hover:not(.hidden)').allInnerTexts() });
  }

  /** Opens the Quick Fix menu (Ctrl+.) at the cursor and returns its actions in the order shown. */
  async openQuickFix() {
    await this.page.keyboard.press('Control+.');
    const widget = this.page.locator('.action-widget');
    await widget.waitFor({ state: 'visible', timeout: 15 * SECOND });
    return waitFor('the Quick Fix menu to list actions', 10 * SECOND, async () => {
      const actions = await widget.locator('.monaco-list-row.action').allInnerTexts();
      return actions.length ? actions.map((a) => a.trim()) : undefined;
    });
  }

  /** Chooses a Quick Fix with the keyboard (arrows, then Enter), as the menu is built for. */
  async chooseQuickFix(title) {
    const focused = this.page.locator('.action-widget .monaco-list-row.action.focused');
    await waitFor(`"${title}" to be focused in the Quick Fix menu`, 10 * SECOND, async () => {
      if (((await focused.getAttribute('aria-label').catch(() => '')) ?? '').startsWith(title)) return true;
      await this.page.keyboard.press('ArrowDown');
      return false;
    });
    await this.page.keyboard.press('Enter');
    await this.page.locator('.action-widget').waitFor({ state: 'hidden', timeout: 10 * SECOND });
  }

  /** Token spans of the visible lines, top to bottom: [[{ text, className, color }]]. */
  async tokenLines() {
    return this.editor().locator('.view-lines .view-line').evaluateAll((lines) =>
      lines
        .map((l) => ({
          top: parseFloat(l.style.top),
          spans: [...l.querySelectorAll('span > span')].map((s) => ({
            text: s.textContent,
            className: s.className,
            color: getComputedStyle(s).color,
          })),
        }))
        .sort((a, b) => a.top - b.top)
        .map((l) => l.spans),
    );
  }

  async statusBarItem(id) {
    const item = this.page.locator(`.statusbar-item[id="${id}"]`).first();
    return (await item.count()) ? (await item.innerText()).trim() : undefined;
  }
}
