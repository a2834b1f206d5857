/**
 * French typography on the tree, as a unified plugin: text nodes are edited
 * in place, inside French-language elements only, never inside code, scripts
 * or attributes. Written by hand because typograf 7.8.0 with the `fr` locale
 * *removes* the space before `:`, `;`, `!` and `?` (it turns `Mali : attaque`
 * into `Mali: attaque` and `Pourquoi ?` into `Pourquoi?`), and leaves `1
 * janvier` and `12345` alone; we checked it against the rules in
 * tests/publish/typography.test.ts before deciding.
 *
 * Rules: U+202F before `;` `!` `?` and `»`, after `«`; U+00A0 before `:`;
 * straight and English quotes become `« »`, and `“ ”` inside `« »`; `1 janvier` becomes `1er
 * janvier`; numbers of five digits or more are grouped by three with U+202F
 * (four-digit numbers, and so years, are left alone).
 */
import type { Element, ElementContent, Root, RootContent, Text } from 'hast'

export const NNBSP = '\u202F'
export const NBSP = '\u00A0'
const SPACES = /[ \t\u00A0\u202F]+$/
const BLOCKS = new Set(['p', 'li', 'td', 'th', 'caption', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'div', 'section', 'title', 'figcaption', 'dd', 'dt'])
const SKIPPED = new Set(['script', 'style', 'code', 'pre', 'kbd', 'samp', 'var'])

/** French month names from Intl, so the `1er` rule needs no word list of its own. */
const MONTHS = Array.from({ length: 12 }, (_, month) =>
  new Intl.DateTimeFormat('fr', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, month, 1))),
)
const FIRST_OF_MONTH = new RegExp(`(?<![\\d\\p{L}])1(?=[ \\u00A0\\u202F]+(?:${MONTHS.join('|')})(?![\\p{L}]))`, 'gu')
/**
 * Every rule below starts from one of these: quotes, guillemets, `;!?:`, a
 * digit (`1er`, digit groups) or a private-use mark (URL masking). A text
 * without any comes out unchanged and leaves the state as it was.
 */
const ACTIONABLE = /["“”«»;!?:\d\ue100-\ue8ff]/
const URL_LIKE = /\b[a-z][a-z\d+.-]*:\/\/[^\s«»"]+|\bwww\.[^\s«»"]+/gi

interface State {
  /** The text node before the current one in the same block, to move a space out of. */
  previous: Text | undefined
  quoteOpen: boolean
  /** Guillemets open in the current block: a quotation inside a quotation takes `“ ”`. */
  depth: number
  done?: ReadonlySet<Element>
}

export interface FrenchTypographyOptions {
  /** Language of the root (the `lang` of `<html>`); elements with their own `lang` override it. */
  lang?: string
  /**
   * Elements that already went through these rules in their own language
   * (a rendered article, placed in a page or in its Markdown): left as they
   * are, like a block, rather than walked again.
   */
  done?: ReadonlySet<Element>
}

export default function rehypeFrenchTypography(options: FrenchTypographyOptions = {}) {
  return (tree: Root | Element) => {
    const state: State = { previous: undefined, quoteOpen: false, depth: 0, done: options.done }
    walk(tree, isFrench(options.lang ?? 'fr'), state)
  }
}

function isFrench(lang: string): boolean {
  return lang === 'fr' || lang.startsWith('fr-')
}

function walk(node: Root | Element, french: boolean, state: State) {
  const children = node.children as Array<RootContent | ElementContent>
  // Every page is walked three times (article, HTML body, Markdown, each past what is `done`): one lookup per element and tag set.
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!
    if (child.type === 'text') {
      if (french) fixText(child, state)
    } else if (child.type === 'element') {
      const tagName = child.tagName
      if (SKIPPED.has(tagName)) continue
      if (state.done?.has(child)) {
        state.previous = undefined
        state.depth = 0
        continue
      }
      const lang = child.properties?.lang
      const childFrench = typeof lang === 'string' ? isFrench(lang) : french
      const block = BLOCKS.has(tagName)
      // A space may only move across inline French markup, never across a block or a foreign-language span.
      const boundary = block || !childFrench
      if (boundary) state.previous = undefined
      if (block) state.depth = 0
      walk(child, childFrench, state)
      if (boundary) state.previous = undefined
      if (block) state.depth = 0
    }
  }
}

function fixText(node: Text, state: State) {
  node.value = frenchText(node.value, state, state.previous)
  if (node.value) state.previous = node
}

/**
 * What makes a text's result depend on more than the text: quotes and
 * guillemets read and change the quote state, and a mark at the start takes
 * its space from the text before. Any other text always comes out the same.
 */
const CONTEXTUAL = /["“”«»]|^[ \t\u00A0\u202F]*[;!?:»]/
/** Results of context-free texts: a build meets the same dates, labels and reference lines on every page, three times per page. */
const done = new Map<string, string>()
const DONE_LIMIT = 20_000

/** French rules on a text, URLs inside it left as they are (each stands in as one private-use character meanwhile). */
export function frenchText(input: string, state: State = { previous: undefined, quoteOpen: false, depth: 0 }, before?: Text): string {
  // Most text nodes hold none of the characters a rule acts on: skip the dozen regular expressions.
  if (!ACTIONABLE.test(input)) return input
  if (CONTEXTUAL.test(input)) return frenchRules(input, state, before)
  let output = done.get(input)
  if (output === undefined) {
    output = frenchRules(input, state, before)
    if (done.size >= DONE_LIMIT) done.clear()
    done.set(input, output)
  }
  return output
}

function frenchRules(input: string, state: State, before?: Text): string {
  const urls: string[] = []
  const masked = input.replace(URL_LIKE, (url: string) => String.fromCharCode(0xe100 + urls.push(url) - 1))
  return frenchRun(masked, state, before).replace(/[\ue100-\ue8ff]/g, (mark) => urls[mark.charCodeAt(0) - 0xe100]!)
}

/**
 * One run of French text. `before` is the preceding text node, whose
 * trailing space moves into this run when the run starts with `;`, `:`...
 */
function frenchRun(input: string, state: State, before?: Text): string {
  let text = input.replace(/["“”]/g, (mark, offset: number, whole: string) => {
    if (mark === '“') return (state.quoteOpen = true), '«'
    if (mark === '”') return (state.quoteOpen = false), '»'
    const prior = offset > 0 ? whole[offset - 1]! : (before?.value.at(-1) ?? ' ')
    const opens = !state.quoteOpen && /[\s(\[\u2014\u2013'’]/.test(prior)
    state.quoteOpen = opens
    return opens ? '«' : '»'
  })
  // French nests `« … “ … ” … »` (Lexique de l'Imprimerie nationale): inner guillemets become English quotes, with no space inside.
  text = text.replace(/[«»]/g, (mark) => {
    if (mark === '«') return ++state.depth > 1 ? '“' : '«'
    state.depth = Math.max(0, state.depth - 1)
    return state.depth >= 1 ? '”' : '»'
  })
  // A mark at the very start of the run takes its space from the run before.
  const leading = /^[ \t\u00A0\u202F]*([;!?:»])/.exec(text)
  if (leading && before && !/^[ \t\u00A0\u202F]*:\/\//.test(text)) {
    const hadSpace = SPACES.test(before.value)
    const ends = before.value.replace(SPACES, '')
    before.value = ends
    const last = ends.at(-1)
    if (last && !(leading[1] === ':' && /\d/.test(last) && /^:\d/.test(text.trimStart()))) {
      if (hadSpace || leading[1] !== ':' || !/\d/.test(last)) text = (leading[1] === ':' ? NBSP : NNBSP) + text.trimStart()
    }
  }
  text = text
    .replace(/(?<=[^\s\u00A0\u202F([])[ \t\u00A0\u202F]*(?<![;!?])([;!?]+)/g, `${NNBSP}$1`)
    .replace(/(?<=[^\s\u00A0\u202F([])[ \t\u00A0\u202F]*:(?!\/\/)/g, (match: string, offset: number, whole: string) =>
      // `4:00`, `1:2`: a colon between digits is not punctuation.
      /\d/.test(whole[offset - 1] ?? '') && /\d/.test(whole[offset + match.length] ?? '') && !/\s/.test(match[0]!) ? match : `${NBSP}:`,
    )
    // A run that starts with a space then a mark follows inline markup (a foreign-language title): keep the space, narrowed.
    .replace(/^[ \t\u00A0\u202F]+([;!?»])/, `${NNBSP}$1`)
    .replace(/^[ \t\u00A0\u202F]+:(?!\/\/)/, `${NBSP}:`)
    .replace(/“[ \t\u00A0\u202F]+/g, '“')
    .replace(/[ \t\u00A0\u202F]+”/g, '”')
    .replace(/«[ \t\u00A0\u202F]*/g, `«${NNBSP}`)
    .replace(/(?<=\S)[ \t\u00A0\u202F]*»/g, `${NNBSP}»`)
    .replace(FIRST_OF_MONTH, '1er')
    .replace(/(?<![\d\p{L},.\/-])(\d{1,3})(?:[ \u00A0](\d{3}))+(?![\d\p{L}])/gu, (match: string) => match.replace(/[ \u00A0]/g, NNBSP))
    .replace(/(?<![\d\p{L},.\/\u202F-])\d{5,}(?![\d\p{L}])/gu, (digits: string) => digits.replace(/\B(?=(\d{3})+$)/g, NNBSP))
  return text
}
