/**
 * Broken-source fixtures: each folder of tests/fixtures/check holds the files
 * that differ from `_base` (a valid corpus) and an `expect.json` naming the
 * diagnostic `check` must report.
 */
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'check')

export interface Expectation {
  description: string
  ruleId: string
  file: string
  line?: number
  column?: number
  remove?: string[]
}

export async function brokenCases(): Promise<string[]> {
  const entries = await readdir(FIXTURES, { withFileTypes: true })
  return entries.filter((entry) => entry.isDirectory() && entry.name !== '_base').map((entry) => entry.name).sort()
}

export async function expectation(name: string): Promise<Expectation> {
  return JSON.parse(await readFile(join(FIXTURES, name, 'expect.json'), 'utf8'))
}

/** A temporary sources folder: `_base` with the case's files laid over it. */
export async function materialize(name: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `passerelle-${name}-`))
  await cp(join(FIXTURES, '_base'), dir, { recursive: true })
  await cp(join(FIXTURES, name), dir, { recursive: true, filter: (source) => !source.endsWith('expect.json') })
  for (const path of (await expectation(name)).remove ?? []) await rm(join(dir, path))
  return dir
}
