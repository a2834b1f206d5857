/**
 * Byte-preserving edits of a YAML file. The `yaml` package keeps comments
 * and styles of a Document but re-prints everything around an edit (flow
 * maps gain spaces, long lines re-fold), so a whole-document `toString()`
 * would touch bytes nobody changed. Instead each edited scalar is re-rendered
 * alone in its original style and spliced into the text at its node's range;
 * a missing key is inserted as new lines after its map's last pair. The result
 * is parsed again and compared with the intended data, so a splice that went
 * wrong is an error instead of a corrupted record.
 */
import { isDeepStrictEqual } from 'node:util'
import { Document, isMap, isScalar, parseDocument, type Scalar } from 'yaml'

export interface YamlEdit {
  path: ReadonlyArray<string | number>
  /** A string (kept in the style of the scalar it replaces), or a map for a missing key. */
  value: string | Record<string, string>
  /** Keys of a map value to write double-quoted (hashes, which the records quote). */
  quote?: readonly string[]
}

interface Splice {
  start: number
  end: number
  text: string
}

/** Applies `edits` to `text`; throws when an edit cannot be spliced (the caller reports it). */
export function editYaml(text: string, edits: readonly YamlEdit[]): string {
  const doc = parseDocument(text)
  const splices = edits.map((edit) => spliceFor(text, doc, edit))
  let result = text
  for (const splice of splices.sort((a, b) => b.start - a.start)) {
    result = result.slice(0, splice.start) + splice.text + result.slice(splice.end)
  }
  const expected = parseDocument(text)
  for (const edit of edits) expected.setIn(edit.path, edit.value)
  if (!isDeepStrictEqual(parseDocument(result).toJS(), expected.toJS())) {
    throw new Error(`could not edit ${edits.map((edit) => edit.path.join('.')).join(', ')} without reformatting the file`)
  }
  return result
}

function spliceFor(text: string, doc: Document.Parsed, edit: YamlEdit): Splice {
  const node = doc.getIn(edit.path, true)
  if (isScalar(node) && node.range && typeof edit.value === 'string') {
    const [start, end] = node.range
    const original = text.slice(start, end)
    const indent = columnOf(text, keyStart(doc, edit.path) ?? start)
    let rendered = renderPair('k', edit.value, indent, node.type).slice('k: '.length)
    if (!original.endsWith('\n')) rendered = rendered.replace(/\n$/, '')
    return { start, end, text: rendered }
  }
  const parent = doc.getIn(edit.path.slice(0, -1), true)
  if (node === undefined && isMap(parent) && !parent.flow && parent.items.length > 0) {
    const last = parent.items[parent.items.length - 1]!
    const lastKey = last.key as Scalar
    const lastValue = (last.value ?? last.key) as Scalar
    const at = lineEnd(text, lastValue.range![1])
    const key = String(edit.path[edit.path.length - 1])
    const pair = renderPair(key, edit.value, columnOf(text, lastKey.range![0]), undefined, edit.quote)
    return { start: at, end: at, text: (text.endsWith('\n') || at < text.length ? '' : '\n') + ' '.repeat(columnOf(text, lastKey.range![0])) + pair }
  }
  throw new Error(`cannot edit \`${edit.path.join('.')}\` in place (it is in flow style or its parent is missing)`)
}

/** `key: value\n` in yaml's rendering, every line after the first indented to `indent`. */
function renderPair(key: string, value: string | Record<string, string>, indent: number, type?: Scalar['type'], quote: readonly string[] = []): string {
  const doc = new Document({ [key]: value })
  const node = doc.getIn([key], true)
  if (isScalar(node) && type) node.type = type
  for (const quoted of quote) {
    const inner = doc.getIn([key, quoted], true)
    if (isScalar(inner)) inner.type = 'QUOTE_DOUBLE'
  }
  const rendered = doc.toString({ lineWidth: Math.max(40, 80 - indent) })
  const pad = ' '.repeat(indent)
  return rendered
    .split('\n')
    .map((line, index) => (index === 0 || line === '' ? line : pad + line))
    .join('\n')
}

function keyStart(doc: Document.Parsed, path: YamlEdit['path']): number | undefined {
  const parent = doc.getIn(path.slice(0, -1), true)
  if (!isMap(parent)) return undefined
  const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === path[path.length - 1])
  return isScalar(pair?.key) ? pair.key.range?.[0] : undefined
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1)
}

function lineEnd(text: string, offset: number): number {
  if (text[offset - 1] === '\n') return offset
  const newline = text.indexOf('\n', offset)
  return newline === -1 ? text.length : newline + 1
}
