/** The editor features, as plain data; `lsp/featureHandlers.ts` is their only adapter. */
export { hoverAt } from './hover';
export { completionsAt } from './completion';
export { documentSymbols } from './symbols';
export { foldingRanges } from './folding';
export { documentLinks } from './links';
export { definitionAt } from './definition';
export { optionMarkdown } from './optionDocs';
export type * from './types';
