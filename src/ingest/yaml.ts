/**
 * YAML with positions. The `yaml` package keeps a range on every node, so a
 * schema violation at `sides[1].strength.value` can be reported at the line
 * and column of that value rather than at the top of the file.
 */
import { isMap, isPair, isScalar, isSeq, parseDocument, visit, type Alias, type Document, type Node } from 'yaml'
import type { VFile } from 'vfile'
import { location } from 'vfile-location'
import type { Point, Position } from 'unist'
import type { z } from 'zod'
import { error, warn } from '../diagnostics/index.ts'
import { quickYaml } from './yaml-fast.ts'

export type Path = ReadonlyArray<PropertyKey>

/** A parsed YAML text and where it sits in its file (front matter starts past `---`). */
export interface YamlSource {
  file: VFile
  doc: Document.Parsed
  /** Offset of the YAML text within the file. */
  base: number
  /** Set when the text was refused before parsing (the document is empty). */
  refused?: boolean
  /** The data, when the fast path read it: then `doc` is parsed only when asked for (to place a message). */
  data?: Record<string, unknown>
}

/** How every YAML text is parsed into a Document. logLevel 'error': the yaml library would print warnings (collection keys) on stderr; the schema reports them instead. */
const DOCUMENT_OPTIONS = { prettyErrors: false, uniqueKeys: true, logLevel: 'error' } as const

/** Deeper flow nesting than this is no record: refuse it before the parser recurses into it. */
export const MAX_FLOW_DEPTH = 64
/** YAML syntax errors reported per text; the rest are counted in the last one. */
export const MAX_YAML_ERRORS = 5

export function parseYaml(file: VFile, text: string, base = 0): YamlSource {
  const place = location(file)
  const deep = tooDeep(text)
  if (deep !== undefined) {
    error(file, `YAML nested more than ${MAX_FLOW_DEPTH} levels deep`, {
      place: place.toPoint(base + deep),
      ruleId: 'yaml-too-deep',
      hint: 'a record is a few levels deep; check for runaway brackets',
    })
    return { file, doc: parseDocument('', { prettyErrors: false }), base, refused: true }
  }
  // A clean mapping needs no Document unless a later check has something to say about it.
  const data = quickYaml(text)
  if (data) return deferredSource(file, text, base, data)
  const doc = parseDocument(text, DOCUMENT_OPTIONS)
  // One stray bracket makes the parser flag every token after it; past the first few, the rest is noise.
  const shown = doc.errors.slice(0, MAX_YAML_ERRORS)
  for (const [index, problem] of shown.entries()) {
    const [from, to] = problem.pos
    const more = index === shown.length - 1 ? doc.errors.length - shown.length : 0
    error(file, `YAML syntax: ${firstLine(problem.message)}`, {
      place: { start: place.toPoint(base + from)!, end: place.toPoint(base + to)! },
      ruleId: problem.code === 'DUPLICATE_KEY' ? 'yaml-duplicate-key' : 'yaml-syntax',
      hint: more > 0 ? `fix the YAML so it parses (${more} more YAML errors follow from this one)` : 'fix the YAML so it parses',
    })
  }
  for (const problem of doc.warnings) {
    warn(file, `YAML: ${firstLine(problem.message)}`, {
      place: place.toPoint(base + problem.pos[0]),
      ruleId: 'yaml-warning',
    })
  }
  return { file, doc, base }
}

/** A source read by the fast path: the same Document as parseYaml would give, parsed on first use (it has no error or warning to report). */
function deferredSource(file: VFile, text: string, base: number, data: Record<string, unknown>): YamlSource {
  let doc: Document.Parsed | undefined
  return {
    file,
    base,
    data,
    get doc() {
      return (doc ??= parseDocument(text, DOCUMENT_OPTIONS))
    },
  }
}

/**
 * Offset where `[`/`{` nesting first exceeds MAX_FLOW_DEPTH, or undefined.
 * The yaml parser recurses per level and, at ~100,000 levels, runs out of
 * memory instead of reporting an error; this linear scan stops it first.
 * Quoted scalars and comments are skipped so brackets inside text don't count.
 */
function tooDeep(text: string): number | undefined {
  // Nesting deeper than MAX_FLOW_DEPTH takes more openers than that: most texts have a handful, and need no scan.
  if (openers(text) <= MAX_FLOW_DEPTH) return undefined
  let depth = 0
  let quote = ''
  for (let index = 0; index < text.length; index++) {
    const char = text[index]
    if (quote) {
      if (char === quote && text[index - 1] !== '\\') quote = ''
    } else if (char === '"' || (char === "'" && /[\s[{,:]/.test(text[index - 1] ?? ' '))) quote = char
    else if (char === '#' && /\s/.test(text[index - 1] ?? ' ')) index = text.indexOf('\n', index) === -1 ? text.length : text.indexOf('\n', index)
    else if (char === '[' || char === '{') {
      if (++depth > MAX_FLOW_DEPTH) return index
    } else if (char === ']' || char === '}') depth = Math.max(0, depth - 1)
  }
  return undefined
}

/** How many `[` and `{` a text holds, counted up to one past MAX_FLOW_DEPTH. */
function openers(text: string): number {
  let count = 0
  for (const opener of ['[', '{']) {
    for (let at = text.indexOf(opener); at !== -1 && count <= MAX_FLOW_DEPTH; at = text.indexOf(opener, at + 1)) count++
  }
  return count
}

function firstLine(message: string) {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')
}

/** Plain data of a document that parsed, or undefined when it did not (with an error on the file). */
export function toData(source: YamlSource): unknown {
  if (source.data) return source.data
  if (source.refused || source.doc.errors.length > 0) return undefined
  try {
    // maxAliasCount guards against "billion laughs" alias bombs.
    return source.doc.toJS({ maxAliasCount: 100 })
  } catch (cause) {
    // The parser accepts an alias to an anchor set later, or aliases that
    // expand exponentially; only toJS finds out, and it throws.
    const alias = firstAlias(source.doc)
    error(source.file, `YAML aliases: ${firstLine((cause as Error).message)}`, {
      place: alias?.range ? positionOf(source, alias.range) : positionAt(source, []),
      ruleId: 'yaml-alias',
      hint: 'write the values out in full; records need no anchors (&) or aliases (*)',
    })
    return undefined
  }
}

function firstAlias(doc: Document.Parsed): Alias | undefined {
  let found: Alias | undefined
  visit(doc, {
    Alias(_, node) {
      found = node
      return visit.BREAK
    },
  })
  return found
}

/** The node at `path`, or the deepest existing ancestor (for a missing key). */
function nodeAt(source: YamlSource, path: Path, preferKey = false): Node | undefined {
  let node: unknown = source.doc.contents
  for (const [index, segment] of path.entries()) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === segment)
      if (!pair) return node
      const last = index === path.length - 1
      node = last && preferKey ? pair.key : (pair.value ?? pair.key)
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment]
      if (!item) return node
      node = item
    } else break
  }
  return (node as Node | undefined) ?? undefined
}

/** The file position of the YAML node at `path` (or its nearest ancestor). */
export function positionAt(source: YamlSource, path: Path, preferKey = false): Position | Point {
  const node = nodeAt(source, path, preferKey)
  if (!node?.range) return location(source.file).toPoint(source.base) ?? { line: 1, column: 1 }
  return positionOf(source, node.range)
}

/** The file position of a YAML node's range. */
function positionOf(source: YamlSource, range: readonly number[]): Position | Point {
  const place = location(source.file)
  const start = place.toPoint(source.base + range[0]!)
  const end = place.toPoint(source.base + range[1]!)
  return start && end ? { start, end } : (start ?? { line: 1, column: 1 })
}

export function formatPath(path: Path): string {
  return path
    .map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`))
    .join('')
}

/**
 * Validates YAML data against a zod schema, turning each issue into a
 * positioned error. Returns the parsed value, or undefined when invalid.
 */
export function validate<T extends z.ZodType>(source: YamlSource, schema: T, what: string): z.infer<T> | undefined {
  const data = toData(source)
  if (data === undefined) return undefined
  const result = schema.safeParse(data)
  if (result.success) return result.data
  for (const issue of result.error.issues) reportIssue(source, issue, what)
  return undefined
}

function reportIssue(source: YamlSource, issue: z.core.$ZodIssue, what: string) {
  if (issue.code === 'unrecognized_keys') {
    for (const key of issue.keys) {
      const path = [...issue.path, key]
      error(source.file, `Unknown field \`${formatPath(path)}\` in ${what}`, {
        place: positionAt(source, path, true),
        ruleId: 'schema-unknown-field',
        hint: 'remove it or check its spelling against the schema in src/record/schema.ts',
      })
    }
    return
  }
  const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message)
  const where = issue.path.length > 0 ? `\`${formatPath(issue.path)}\`` : 'the document'
  error(source.file, missing ? `Missing field ${where} in ${what}` : `${where} ${describe(issue)}`, {
    place: positionAt(source, issue.path),
    ruleId: missing ? 'schema-missing-field' : 'schema-invalid',
    hint: missing ? 'add it' : undefined,
  })
}

function describe(issue: z.core.$ZodIssue): string {
  // zod's own wording is good for custom messages; make its defaults read as a sentence.
  const message = issue.message.replace(/^Invalid input: /, '')
  return /^(must|a |an |every|`)/.test(message) ? message : `is invalid: ${message}`
}
