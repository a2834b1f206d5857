/**
 * Broken-source fixtures: each folder of tests/fixtures/check holds the files
 * that differ from `_base` (a valid corpus) and an `expect.json` naming the
 * diagnostic `check` must report. Other corpora (tests/bad-inputs) reuse the
 * mechanism by passing their own fixtures root and base folder.
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

export async function brokenCases(root = FIXTURES): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true })
  return entries.filter((entry) => entry.isDirectory() && entry.name !== '_base').map((entry) => entry.name).sort()
}

export async function expectation<T = Expectation>(name: string, root = FIXTURES): Promise<T> {
  return JSON.parse(await readFile(join(root, name, 'expect.json'), 'utf8'))
}

/** A temporary folder: `base` (default `<root>/_base`) with the case's files laid over it. */
export async function materialize(name: string, root = FIXTURES, base = join(root, '_base')): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `passerelle-${name}-`))
  await cp(base, dir, { recursive: true })
  await cp(join(root, name), dir, { recursive: true, filter: (source) => !source.endsWith('expect.json') })
  for (const path of (await expectation(name, root)).remove ?? []) await rm(join(dir, path))
  return dir
}
