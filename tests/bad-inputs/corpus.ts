/**
 * The bad-input corpus: each folder here is a case laid over a valid base by
 * the broken-fixtures mechanism of tests/ingest (sources cases over
 * tests/fixtures/check/_base, locale cases over a copy of locales/), plus two
 * things that cannot be committed as files: a generated 10 MB excerpt, and
 * edits of the current locale files (so a case keeps meaning "one key
 * missing" when other keys are added later).
 */
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { brokenCases, expectation, materialize, FIXTURES, type Expectation } from '../ingest/broken-fixtures.ts'

export const BAD_INPUTS = import.meta.dirname
export const LOCALES = join(import.meta.dirname, '..', '..', 'locales')

export interface BadInput extends Partial<Expectation> {
  description: string
  /** `error`: refused with the expected message; `accepted`: valid data, published safely. */
  outcome: 'error' | 'accepted'
  /** What the case is laid over (default: a sources folder). */
  target?: 'sources' | 'locales'
  /** The command that reads the file (default: build, which checks first). */
  command?: 'build' | 'align'
  /** Files too large to commit: `head`, then `repeat` until `bytes`. */
  generate?: Record<string, { head: string; repeat: string; bytes: number }>
  /** Changes to a JSON file of the base: delete or set a dotted key, or prepend text. */
  edits?: Array<{ file: string; delete?: string; set?: string; value?: unknown; prepend?: string }>
  /** A known gap in code we do not own: the case is listed as a todo with this reason, not asserted. */
  gap?: string
}

export interface Case {
  name: string
  expected: BadInput
}

export async function badInputs(): Promise<Case[]> {
  // `__snapshots__` sits beside the cases.
  const names = (await brokenCases(BAD_INPUTS)).filter((name) => !name.startsWith('_'))
  return Promise.all(names.map(async (name) => ({ name, expected: await expectation<BadInput>(name, BAD_INPUTS) })))
}

/** A temporary folder holding the case: a sources folder, or a locales folder. */
export async function materializeCase({ name, expected }: Case): Promise<string> {
  const base = expected.target === 'locales' ? LOCALES : join(FIXTURES, '_base')
  const dir = await materialize(name, BAD_INPUTS, base)
  for (const [path, { head, repeat, bytes }] of Object.entries(expected.generate ?? {})) {
    const count = Math.ceil((bytes - Buffer.byteLength(head)) / Buffer.byteLength(repeat))
    await writeFile(join(dir, path), head + repeat.repeat(count))
  }
  for (const edit of expected.edits ?? []) await applyEdit(dir, edit)
  return dir
}

async function applyEdit(dir: string, edit: NonNullable<BadInput['edits']>[number]) {
  const path = join(dir, edit.file)
  let text = await readFile(path, 'utf8')
  if (edit.delete || edit.set) {
    const data = JSON.parse(text) as Record<string, unknown>
    const keys = (edit.delete ?? edit.set)!.split('.')
    const last = keys.pop()!
    const parent = keys.reduce((object, key) => object[key] as Record<string, unknown>, data)
    if (edit.delete) delete parent[last]
    else parent[last] = edit.value
    text = JSON.stringify(data, null, 2) + '\n'
  }
  await writeFile(path, (edit.prepend ?? '') + text)
}
