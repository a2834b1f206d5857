/**
 * The align stage's public API (used by `passerelle align`/`extract`, the
 * review server and XLIFF export):
 * - `extractClaims(text, { published, glossary })`: claims with offsets, and problems;
 * - `alignEvent(event, glossary, options?)`: fields × status × evidence;
 * - the contract types in `./types.ts`.
 */
export { extractClaims, type ExtractOptions, type Extraction, type ExtractProblem } from './extract.ts'
export { alignEvent, fieldTargets, type AlignOptions } from './align.ts'
export type * from './types.ts'
