/**
 * The plain scalars of `yaml`'s YAML 1.2 core schema (the same regular
 * expressions and conversions, copied from yaml/dist/schema/core), so that
 * the fast readers resolve `012`, `0o17`, `1_000` or `.5` as `yaml` does.
 */

export type ScalarForm = readonly [test: RegExp, construct: (text: string) => unknown]

export const NULL = /^(?:~|[Nn]ull|NULL)?$/
export const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/

/** yaml's core schema, in its order: null, bool, octal, decimal, hex, NaN/Infinity, exponent, float. */
export const CORE_SCALARS: ReadonlyArray<readonly [tag: string, forms: readonly ScalarForm[]]> = [
  ['null', [[NULL, () => null]]],
  ['bool', [[BOOL, (text) => text[0] === 't' || text[0] === 'T']]],
  [
    'int',
    [
      [/^0o[0-7]+$/, (text) => parseInt(text.substring(2), 8)],
      [/^[-+]?[0-9]+$/, (text) => parseInt(text, 10)],
      [/^0x[0-9a-fA-F]+$/, (text) => parseInt(text.substring(2), 16)],
    ],
  ],
  [
    'float',
    [
      [/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/, (text) => (text.slice(-3).toLowerCase() === 'nan' ? NaN : text[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY)],
      [/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, (text) => parseFloat(text)],
      [/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, (text) => parseFloat(text)],
    ],
  ],
]

/** Every form above needs one of these first characters (or the empty text): any other plain scalar is a string. */
const MAY_RESOLVE = /^[~nNtTfF0-9+\-.]/

/** Every form, in the schema's order: the first that matches converts. */
const FORMS = CORE_SCALARS.flatMap(([, forms]) => forms)

/** The value of a plain scalar under the core schema. */
export function resolvePlain(text: string): unknown {
  if (text !== '' && !MAY_RESOLVE.test(text)) return text
  for (const [test, construct] of FORMS) if (test.test(text)) return construct(text)
  return text
}

/** The longest null or boolean word (`false`). */
const KEYWORD_LENGTH = 5

/** Keys that resolve to null or a boolean, which `yaml` and js-yaml turn into different strings. */
export function isCoreKeyword(key: string): boolean {
  return key.length <= KEYWORD_LENGTH && (NULL.test(key) || BOOL.test(key))
}
