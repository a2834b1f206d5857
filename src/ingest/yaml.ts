/**
 * YAML with positions. The `yaml` package keeps a range on every node, so a
 * schema violation at `sides[1].strength.value` can be reported at the line
 * and column of that value rather than at the top of the file.
 */
import { isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml'
import type { VFile } from 'vfile'
import { location } from 'vfile-location'
import type { Point, Position } from 'unist'
import type { z } from 'zod'
import { error, warn } from '../diagnostics/index.ts'

export type Path = ReadonlyArray<PropertyKey>

/** A parsed YAML text and where it sits in its file (front matter starts past `---`). */
export interface YamlSource {
  file: VFile
  doc: Document.Parsed
  /** Offset of the YAML text within the file. */
  base: number
  /** Set when the text was refused before parsing (the document is empty). */
  refused?: boolean
}

/** Deeper flow nesting than this is no record: refuse it before the parser recurses into it. */
export const MAX_FLOW_DEPTH = 64

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
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true })
  for (const problem of doc.errors) {
    const [from, to] = problem.pos
    error(file, `YAML syntax: ${firstLine(problem.message)}`, {
      place: { start: place.toPoint(base + from)!, end: place.toPoint(base + to)! },
      ruleId: problem.code === 'DUPLICATE_KEY' ? 'yaml-duplicate-key' : 'yaml-syntax',
      hint: 'fix the YAML so it parses',
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

/**
 * Offset where `[`/`{` nesting first exceeds MAX_FLOW_DEPTH, or undefined.
 * The yaml parser recurses per level and, at ~100,000 levels, runs out of
 * memory instead of reporting an error; this linear scan stops it first.
 * Quoted scalars and comments are skipped so brackets inside text don't count.
 */
function tooDeep(text: string): number | undefined {
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

function firstLine(message: string) {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')
}

/** Plain data of a document that parsed, or undefined when it did not. */
export function toData(source: YamlSource): unknown {
  if (source.refused || source.doc.errors.length > 0) return undefined
  // maxAliasCount guards against "billion laughs" alias bombs.
  return source.doc.toJS({ maxAliasCount: 100 })
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
  const place = location(source.file)
  if (!node?.range) return place.toPoint(source.base) ?? { line: 1, column: 1 }
  const start = place.toPoint(source.base + node.range[0])
  const end = place.toPoint(source.base + node.range[1])
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
