/**
 * A plain, transport-free copy of a tree-sitter Python syntax tree: named nodes only (comments
 * dropped), offsets in UTF-16 code units of the source string. Copying out of the wasm heap lets
 * summaries be cached and analysed synchronously without holding parser memory.
 */
export class PyNode {
  readonly children: PyNode[] = [];
  parent: PyNode | undefined;

  constructor(
    private readonly source: string,
    readonly type: string,
    readonly start: number,
    readonly end: number,
    /** Field name in the parent (`function`, `arguments`, `left`, …). */
    readonly field: string | undefined,
  ) {}

  get text(): string {
    return this.source.slice(this.start, this.end);
  }

  /** First child with the given field name. */
  get(field: string): PyNode | undefined {
    return this.children.find((c) => c.field === field);
  }

  all(field: string): PyNode[] {
    return this.children.filter((c) => c.field === field);
  }

  ofType(type: string): PyNode[] {
    return this.children.filter((c) => c.type === type);
  }

  /** Every node of `type` below this one, in source order. */
  descendants(type: string): PyNode[] {
    const out: PyNode[] = [];
    const stack: PyNode[] = [...this.children].reverse();
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node.type === type) out.push(node);
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
    }
    return out;
  }
}

/** One parsed Python file. */
export interface ParsedPython {
  path: string;
  text: string;
  root: PyNode;
  /** The file had syntax errors; what parsed is still analysed. */
  hasErrors: boolean;
}

/** Text of a string literal without quotes and prefixes when it has no interpolation; else undefined. */
export function stringValue(node: PyNode | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'concatenated_string') {
    const parts = node.children.map(stringValue);
    return parts.every((p) => p !== undefined) ? parts.join('') : undefined;
  }
  if (node.type !== 'string') return undefined;
  if (node.children.some((c) => c.type === 'interpolation')) return undefined;
  return node.children.filter((c) => c.type === 'string_content').map((c) => c.text).join('');
}

/** `a.b.c` for identifier/attribute chains, else undefined. */
export function dottedName(node: PyNode | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'identifier') return node.text;
  if (node.type === 'attribute') {
    const object = dottedName(node.get('object'));
    const attr = node.get('attribute');
    return object && attr ? `${object}.${attr.text}` : undefined;
  }
  return undefined;
}
