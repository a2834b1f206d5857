/**
 * The oracle of the fast YAML readers: `yaml` itself. A reader may give up
 * (undefined); when it answers, `yaml` must find no error and no warning
 * in the text and read the same data.
 */
import { expect } from 'vitest'
import { parseDocument } from 'yaml'

/** Whether `read` answered for `text`; when it did, its answer is checked against yaml's. */
export function readsAsYaml(read: (text: string) => unknown, text: string): boolean {
  const data = read(text)
  if (data === undefined) return false
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, logLevel: 'error' })
  expect(doc.errors.map((problem) => problem.message), text).toEqual([])
  expect(doc.warnings.map((problem) => problem.message), text).toEqual([])
  expect(data, text).toStrictEqual(doc.toJS({ maxAliasCount: 100 }))
  return true
}
