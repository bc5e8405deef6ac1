import { basename } from '../core/fileSystem';
import { shellWords, type Word } from './shellWords';

/** What a command line tells about uWSGI: whether it runs it, and which ini files it loads. */
export interface UwsgiCommand {
  runsUwsgi: boolean;
  /** Ini paths as written (section suffix removed), in order, with their words. */
  inis: Word[];
  /** `--foo bar` options passed to uwsgi on the command line (other than `--ini`). */
  options: { name: string; value: string; word: Word; afterIni: boolean }[];
}

const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh']);

/** A script's `"$@"` / `$*`: the arguments it was started with, never an option's value. */
const FORWARDED = /^\$[@*]$/;

/** Reads `uwsgi --ini x.ini`, `uwsgi x.ini`, `exec uwsgi --ini=x`, `sh -c "… uwsgi --ini x"`. */
export function readUwsgiCommand(words: Word[]): UwsgiCommand {
  const result: UwsgiCommand = { runsUwsgi: false, inis: [], options: [] };
  expand(words, result, 0);
  return result;
}

function expand(words: Word[], result: UwsgiCommand, depth: number): void {
  for (let i = 0; i < words.length; i++) {
    const name = basename(words[i].text);
    if (SHELLS.has(name) && /^-[a-z]*c$/.test(words[i + 1]?.text ?? '') && words[i + 2] && depth < 2) {
      const script = words[i + 2];
      expand(shellWords(script.text, script.start).map((w) => ({ ...w, file: script.file })), result, depth + 1);
      i += 2;
      continue;
    }
    if (name === 'uwsgi' || name === 'uwsgi_python3' || name === 'uwsgi-core') {
      result.runsUwsgi = true;
      readArguments(words.slice(i + 1), result);
      return;
    }
  }
}

function readArguments(args: Word[], result: UwsgiCommand): void {
  for (let i = 0; i < args.length; i++) {
    const text = args[i].text;
    if (/^(&&|\|\||;|\|)$/.test(text)) return;
    const inline = /^--?([\w-]+)=(.*)$/.exec(text);
    const name = inline ? inline[1] : /^--?([\w-]+)$/.exec(text)?.[1];
    if (name !== undefined) {
      let valueWord: Word | undefined;
      if (inline) valueWord = { ...args[i], text: inline[2], start: args[i].end - inline[2].length };
      else if (args[i + 1] && !args[i + 1].text.startsWith('-') && !FORWARDED.test(args[i + 1].text) && (name === 'ini' || !/\.ini(:[\w-]*)?$/.test(args[i + 1].text))) valueWord = args[++i];
      if (name === 'ini' && valueWord) result.inis.push(stripSection(valueWord));
      else result.options.push({ name, value: valueWord?.text ?? '', word: valueWord ?? args[i], afterIni: result.inis.length > 0 });
      continue;
    }
    if (/\.ini(:[\w-]*)?$/.test(text)) result.inis.push(stripSection(args[i]));
  }
}

/** `path.ini:section` → `path.ini` (the separator is the last `:` after the last `/`). */
function stripSection(word: Word): Word {
  const slash = word.text.lastIndexOf('/');
  const colon = word.text.lastIndexOf(':');
  if (colon <= slash || /^[a-z]+:\/\//.test(word.text)) return word;
  return { ...word, text: word.text.slice(0, colon), end: word.start + colon };
}
