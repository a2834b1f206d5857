/**
 * A fast YAML read for clean files. The `yaml` package builds a Document
 * with a range on every node (what places a message at a line and column),
 * ~1.8 ms for a record; js-yaml reads the same text to plain data ~14 times
 * faster. A clean record never needs a position, so its data comes from
 * js-yaml and the Document is built only if a message must be placed.
 *
 * js-yaml is given the scalars of `yaml`'s YAML 1.2 core schema (the same
 * regular expressions and conversions, copied from yaml/dist/schema/core),
 * so `012`, `0o17`, `1_000` or `.5` resolve alike. Texts that use what the
 * two libraries might read differently are left to `yaml`: anchors,
 * aliases, tags, directives, flow mappings, complex keys, tabs, documents
 * after the first; so are results that are not a plain mapping with plain
 * keys. Any js-yaml error also falls back, so `yaml` reports it.
 * tests/ingest/yaml-fast.test.ts checks the data is deep-equal to
 * `yaml`'s, with no error or warning there, on every bundled and fixture
 * file and on generated YAML.
 *
 * Block-style records (what the synthetic corpus and most editors write)
 * are read first by the line-based reader of yaml-block.ts, several times
 * cheaper again; whatever it gives up on comes here.
 */
import jsyaml from 'js-yaml'
import { CORE_SCALARS, isCoreKeyword, type ScalarForm } from './yaml-scalars.ts'
import { blockYaml } from './yaml-block.ts'

/** One implicit type per tag (js-yaml keeps only the last type given for a tag): the first matching form converts. */
function scalar(tag: string, forms: readonly ScalarForm[]) {
  const form = (text: string | null) => forms.find(([test]) => test.test(text ?? ''))
  return new jsyaml.Type(`tag:yaml.org,2002:${tag}`, {
    kind: 'scalar',
    resolve: (text: string | null) => form(text) !== undefined,
    construct: (text: string | null) => form(text)![1](text ?? ''),
  })
}

const CORE = jsyaml.FAILSAFE_SCHEMA.extend({ implicit: CORE_SCALARS.map(([tag, forms]) => scalar(tag, forms)) })

/**
 * Constructs left to `yaml`: tabs; at the start of a token, anchors `&`,
 * aliases `*`, tags `!`, directives `%`, reserved `@` and `` ` ``, complex
 * keys `?`; a flow collection used as a key (at the start of a line, or
 * inside a flow mapping); document markers after the start. Collection keys
 * that slip through come out of js-yaml as keys that are not plain, and are
 * refused below.
 */
const LEFT_TO_YAML = /\t|(?:^[ -]*|[:,] +|[{,] *)[&*!%@`?]|^[ -]*[[{][^\n]*[\]}] *:(?: |$)|[{,] *[[{]|\n(?:---|\.\.\.)(?:[ \n]|$)/m
/** Keys both libraries turn into the same string: identifiers that are not null or a boolean. */
const PLAIN_KEY = /^[A-Za-z][A-Za-z0-9_-]*$/

/** The data of a clean YAML mapping, or undefined when `yaml` must read it (and report on it). */
export function quickYaml(text: string): Record<string, unknown> | undefined {
  const block = blockYaml(text)
  if (block) return block
  if (LEFT_TO_YAML.test(text)) return undefined
  let data: unknown
  try {
    data = jsyaml.load(text, { schema: CORE })
  } catch {
    return undefined
  }
  return isPlainMapping(data) && plainKeys(data) ? data : undefined
}

function isPlainMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function plainKeys(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(plainKeys)
  if (!isPlainMapping(value)) return true
  for (const key of Object.keys(value)) {
    if (!PLAIN_KEY.test(key) || isCoreKeyword(key) || !plainKeys(value[key])) return false
  }
  return true
}
