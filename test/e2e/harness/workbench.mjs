// What a person does in the VS Code workbench, expressed as playwright actions on code-server's page, and what they
// see, read back from the DOM. Every wait polls with a deadline (waitFor) and reports what it saw last.
import { waitFor } from './wait.mjs';

const SECOND = 1000;

export class Workbench {
  /** @param {import('playwright-core').Page} page */
  constructor(page, folder) {
    this.page = page;
    this.folder = folder;
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
   * The Problems panel as a person reads it, in display order: file rows ({ kind: 'file', name, path, count }) and
   * the marker rows under them ({ kind: 'marker', severity, message, source, code, position, href }).
   */
  async readProblems() {
    return this.page.evaluate(() =>
      [...document.querySelectorAll('.markers-panel .monaco-list-row')]
        .sort((a, b) => Number(a.getAttribute('data-index')) - Number(b.getAttribute('data-index')))
        .map((row) => {
          const text = (selector) => row.querySelector(selector)?.textContent?.trim() ?? '';
          if (!row.querySelector('.marker-message')) {
            return {
              kind: 'file',
              name: text('.label-name'),
              path: row.querySelector('.monaco-icon-label')?.getAttribute('aria-label') ?? '',
              count: text('.monaco-count-badge'),
            };
          }
          const icon = row.querySelector('.marker-icon');
          return {
            kind: 'marker',
            severity: icon ? [...icon.classList].find((c) => c !== 'marker-icon') : undefined,
            message: text('.marker-message'),
            source: text('.marker-source'),
            code: text('.marker-code'),
            position: text('.marker-line'),
            href: row.querySelector('.marker-code')?.closest('a')?.getAttribute('href') ?? '',
          };
        }),
    );
  }

  /** Marker rows grouped under the file row they follow: [{ name, path, count, markers: [...] }]. */
  async problemsByFile() {
    const files = [];
    for (const row of await this.readProblems()) {
      if (row.kind === 'file') files.push({ ...row, markers: [] });
      else if (files.length) files[files.length - 1].markers.push(row);
    }
    return files;
  }

  /** Clicks a marker row (opens its file at the finding, as a person does from the panel). */
  async clickProblem(fileName, code) {
    const rows = this.page.locator('.markers-panel .monaco-list-row');
    const count = await rows.count();
    let inFile = false;
    for (let i = 0; i < count; i++) {
      const row = rows.nth(i);
      const isMarker = (await row.locator('.marker-message').count()) > 0;
      if (!isMarker) inFile = (await row.locator('.label-name').innerText()).trim() === fileName;
      else if (inFile && (await row.locator('.marker-code').innerText()).trim() === code) {
        await row.locator('.marker-message').click();
        return;
      }
    }
    throw new Error(`no ${code} row under ${fileName} in the Problems panel`);
  }

  async waitForProblems(what, predicate, timeoutMs = 60 * SECOND) {
    await this.showProblems();
    return waitFor(what, timeoutMs, async () => {
      const files = await this.problemsByFile();
      return predicate(files) ? files : undefined;
    }, { describe: async () => JSON.stringify(await this.problemsByFile()) });
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

  /** Squiggles on the line the cursor is on. */
  async squigglesOnCursorLine() {
    const line = await this.editor().locator('.view-overlays .current-line').first().boundingBox();
    if (!line) return [];
    return (await this.squiggles()).filter((s) => s.y + s.height / 2 >= line.y && s.y + s.height / 2 <= line.y + line.height);
  }

  /** Hovers the mouse over a box and returns the visible hover's text and links once it shows `expect`. */
  async hover(box, expect = /\S/) {
    await this.page.mouse.move(box.x + box.width + 200, box.y + 200);
    await this.page.mouse.move(box.x + Math.min(box.width / 2, 20), box.y + box.height / 2);
    return waitFor('the hover to show', 15 * SECOND, async () => {
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

  async chooseQuickFix(title) {
    await this.page.locator('.action-widget .monaco-list-row.action', { hasText: title }).first().click();
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
