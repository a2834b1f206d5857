/**
 * A line-based reader for the block YAML that records are written in:
 * mappings with identifier keys, block sequences (compact mappings in them
 * included), plain, single- and double-quoted scalars over one or several
 * lines, comments, and `[a, b]` sequences of plain words on one line.
 * js-yaml reads a record through its general machinery (~0.3 ms, most of it
 * trying every implicit type on every scalar); this reads the same text in
 * a fraction of that, and gives up (undefined) on anything else, which
 * goes to js-yaml and then to `yaml` as before.
 *
 * Every answer must be what `yaml` reads with no error and no warning:
 * anything this reader is not sure `yaml` reads its way (a blank or comment
 * line inside a scalar, an escape other than the common ones, a scalar
 * line starting with an indicator, a key that is not an identifier, a
 * duplicate key, a flow mapping, a block scalar, a tab, a carriage return,
 * a non-printable character) gives up. tests/ingest/yaml-block.test.ts
 * checks answers against `yaml` on real, fixture and generated texts.
 */
import { isCoreKeyword, resolvePlain } from './yaml-scalars.ts'

interface Line {
  /** Leading spaces. */
  indent: number
  /** The rest of the line, without trailing spaces. */
  text: string
}

/** Thrown to give up; caught by blockYaml alone. */
const GIVE_UP = Symbol('give up')

/** js-yaml's non-printable characters, plus what YAML readers may treat as line breaks or a mark (NEL, LS, PS, BOM), and tabs and carriage returns. */
const REFUSED_CHARACTERS = /[\x00-\x09\x0B-\x1F\x7F-\x9F\u2028\u2029\uFEFF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/
/** A character that cannot start a plain scalar here (or that this reader leaves to js-yaml). */
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`]/
/** A plain word inside `[...]`: no flow indicator, quote, colon or comment. */
const FLOW_ITEM = /^(?:[^-?:,[\]{}#&*!|>'"%@`\s]|-(?=[^\s,\]]))[^,[\]{}#:'"]*$/
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', n: '\n', t: '\t', r: '\r' }

function giveUp(): never {
  throw GIVE_UP
}

/** The data of a block mapping in the subset above, or undefined. */
export function blockYaml(text: string): Record<string, unknown> | undefined {
  if (REFUSED_CHARACTERS.test(text)) return undefined
  try {
    return new Reader(text).document()
  } catch (cause) {
    if (cause === GIVE_UP) return undefined
    throw cause
  }
}

class Reader {
  private readonly lines: Line[]
  private index = 0

  constructor(text: string) {
    this.lines = text.split('\n').map(toLine)
  }

  document(): Record<string, unknown> {
    if (this.next()?.indent !== 0) giveUp()
    const data = this.mapping(0)
    if (this.next()) giveUp()
    return data
  }

  /** The next line holding content (blank and comment lines skipped), not consumed. */
  private next(): Line | undefined {
    while (this.index < this.lines.length && isBlankOrComment(this.lines[this.index]!)) this.index++
    return this.lines[this.index]
  }

  private mapping(indent: number): Record<string, unknown> {
    const map: Record<string, unknown> = {}
    for (let line = this.next(); line && line.indent === indent; line = this.next()) {
      const length = keyLength(line.text)
      const key = line.text.slice(0, length)
      // No value is undefined, so this finds a duplicate key, and keys named like Object.prototype's members (`constructor`), left to js-yaml.
      if (length === 0 || isCoreKeyword(key) || map[key] !== undefined) giveUp()
      map[key] = this.value(trimSpaces(line.text.slice(length + 1), true), indent, true)
    }
    this.endOfBlock(indent)
    return map
  }

  private sequence(indent: number): unknown[] {
    const items: unknown[] = []
    for (let line = this.next(); line && line.indent === indent && isDash(line.text); line = this.next()) {
      const rest = trimSpaces(line.text.slice(1), true)
      if (keyLength(rest) > 0) {
        // A compact mapping: read it as a mapping whose first line starts at the key's column.
        this.lines[this.index] = { indent: indent + line.text.length - rest.length, text: rest }
        items.push(this.mapping(indent + line.text.length - rest.length))
      } else items.push(this.value(rest, indent, false))
    }
    this.endOfBlock(indent)
    return items
  }

  /** A line more indented than the block that just ended belongs to nothing: let js-yaml and `yaml` decide. */
  private endOfBlock(indent: number) {
    const line = this.next()
    if (line && line.indent > indent) giveUp()
  }

  /**
   * The value after `key:` or `-` on the current line (`rest`, leading spaces
   * stripped), and on the lines below it that belong to it. `owner` is the
   * column of the key or dash: lines below belong to the value when more indented.
   */
  private value(rest: string, owner: number, inMapping: boolean): unknown {
    this.index++
    if (rest === '' || rest.startsWith('#')) return this.nested(owner, inMapping)
    if (rest[0] === '"' || rest[0] === "'") return this.quoted(rest, owner)
    if (rest[0] === '[') return this.flowSequence(rest, owner)
    if (isDash(rest) || (INDICATOR.test(rest) && !/^-[^\s]/.test(rest))) giveUp()
    return this.plain(rest, owner)
  }

  /** The block under `key:` or `-`: a mapping or sequence more indented, a sequence at a mapping key's own column, or null. */
  private nested(owner: number, inMapping: boolean): unknown {
    const line = this.next()
    if (line && line.indent > owner) return isDash(line.text) ? this.sequence(line.indent) : this.nestedMapping(line)
    if (line && inMapping && line.indent === owner && isDash(line.text)) return this.sequence(owner)
    return null
  }

  private nestedMapping(line: Line): Record<string, unknown> {
    if (keyLength(line.text) === 0) giveUp()
    return this.mapping(line.indent)
  }

  /** A plain scalar: its first line, then the lines below more indented than `owner`, folded with spaces. */
  private plain(first: string, owner: number): unknown {
    const comment = first.indexOf(' #')
    let text = plainPart(comment === -1 ? first : trimSpaces(first.slice(0, comment)))
    if (comment === -1) {
      for (let line = this.lines[this.index]; line && line.indent > owner && !isBlankOrComment(line); line = this.lines[++this.index]) {
        if (INDICATOR.test(line.text) || line.text.includes(' #')) giveUp()
        text += ` ${plainPart(line.text)}`
      }
    }
    // A blank line or a comment inside the scalar would fold otherwise, or end it before more text.
    this.endOfBlock(owner)
    return resolvePlain(text)
  }

  /** A quoted scalar from its opening quote, over as many lines as it takes (each continuation more indented than `owner`). */
  private quoted(first: string, owner: number): string {
    const quote = first[0]!
    let value = ''
    let text = first.slice(1)
    for (;;) {
      const { decoded, end } = quote === '"' ? doubleQuoted(text) : singleQuoted(text)
      value += decoded
      if (end !== undefined) {
        const after = text.slice(end)
        if (after !== '' && !/^ +#/.test(after)) giveUp()
        break
      }
      const line = this.lines[this.index++]
      if (!line || line.indent <= owner || line.text === '' || line.text.startsWith('#')) giveUp()
      // The line break folds into a space; toLine already dropped the spaces around it.
      value += ' '
      text = line.text
    }
    this.endOfBlock(owner)
    return value
  }

  /** `[]` or `[a, b]` of plain words, on one line. */
  private flowSequence(first: string, owner: number): unknown[] {
    const close = first.indexOf(']')
    const after = first.slice(close + 1)
    if (close === -1 || (after !== '' && !/^ +#/.test(after))) giveUp()
    const inner = trimSpaces(first.slice(1, close), true)
    const items = inner === '' ? [] : inner.split(',').map((item) => trimSpaces(item, true))
    if (items.some((item) => !FLOW_ITEM.test(item))) giveUp()
    this.endOfBlock(owner)
    return items.map(resolvePlain)
  }
}

/** YAML's white space here is the space alone (tabs are refused): String#trim would also take no-break spaces. */
/** Length of the identifier key that starts `text` when it is followed by `:` then a space or the end of the line, else 0. */
function keyLength(text: string): number {
  if (!isLetter(text.charCodeAt(0))) return 0
  let end = 1
  while (end < text.length && isKeyCharacter(text.charCodeAt(end))) end++
  const after = text.charCodeAt(end + 1)
  return text.charCodeAt(end) === 58 && (end + 1 === text.length || after === 32) ? end : 0
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
}

/** Letters, digits, `_` and `-`. */
function isKeyCharacter(code: number): boolean {
  return isLetter(code) || (code >= 48 && code <= 57) || code === 95 || code === 45
}

function toLine(raw: string): Line {
  const text = trimSpaces(raw)
  const indent = leadingSpaces(raw)
  return { indent, text: text.slice(Math.min(indent, text.length)) }
}

function leadingSpaces(text: string): number {
  let count = 0
  while (text.charCodeAt(count) === 32) count++
  return count
}

function trimSpaces(text: string, start = false): string {
  let end = text.length
  while (end > 0 && text.charCodeAt(end - 1) === 32) end--
  return text.slice(start ? Math.min(leadingSpaces(text), end) : 0, end)
}

function isBlankOrComment(line: Line): boolean {
  return line.text === '' || line.text[0] === '#'
}

function isDash(text: string): boolean {
  return text === '-' || text.startsWith('- ')
}

/** One line of a plain scalar: no `: ` or trailing `:`, which would make it a key. */
function plainPart(text: string): string {
  if (text.includes(': ') || text.endsWith(':')) giveUp()
  return text
}

/**
 * A double-quoted line's content up to its closing quote (`end`: the offset
 * past it) or to the end of the line. Only the common escapes are read; a
 * backslash at the end of a line (an escaped line break) gives up.
 */
function doubleQuoted(text: string): { decoded: string; end?: number } {
  let decoded = ''
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!
    if (char === '"') return { decoded, end: index + 1 }
    if (char !== '\\') {
      decoded += char
      continue
    }
    const escape = text[++index]
    if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(index + 1, index + 5))) {
      decoded += String.fromCharCode(parseInt(text.slice(index + 1, index + 5), 16))
      index += 4
    } else if (escape !== undefined && escape in ESCAPES) decoded += ESCAPES[escape]
    else giveUp()
  }
  return { decoded }
}

/** A single-quoted line's content up to its closing quote, `''` read as one quote. */
function singleQuoted(text: string): { decoded: string; end?: number } {
  let decoded = ''
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!
    if (char !== "'") decoded += char
    else if (text[index + 1] === "'") decoded += text[++index]
    else return { decoded, end: index + 1 }
  }
  return { decoded }
}
