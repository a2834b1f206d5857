/** Shared by the perf tests: a small synthetic site in a temporary folder, its output as bytes, a cold build of it. */
import { cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { expect } from 'vitest'
import { generateCorpus } from '../../bench/synthetic.ts'
import { buildAndWrite, type BuildOptions } from '../../src/build/incremental.ts'
import { formatReport } from '../../src/diagnostics/index.ts'

export const BASE_URL = 'https://passerelle.example.org/'

export interface Site {
  dir: string
  root: string
  out: string
  cache: string
  options: BuildOptions
}

/**
 * Waits for the file system's clock to move on (it ticks every few
 * milliseconds): a file changed in the tick a build starts in is "racily
 * clean", and that build records no stat for it (src/build/scan.ts).
 */
export const tick = () => new Promise((resolve) => setTimeout(resolve, 20))

let template: Promise<string> | undefined

export async function site(events = 4): Promise<Site> {
  template ??= (async () => {
    const dir = await mkdtemp(join(tmpdir(), 'perf-corpus-'))
    await generateCorpus(dir, { events, seed: 11 })
    return dir
  })()
  const dir = await mkdtemp(join(tmpdir(), 'perf-site-'))
  const root = join(dir, 'sources')
  await cp(await template, root, { recursive: true })
  await tick()
  const out = join(dir, 'dist')
  const cache = join(dir, '.passerelle-cache')
  return { dir, root, out, cache, options: { root, cwd: dir, out, baseUrl: BASE_URL, cacheDir: cache, codeVersion: 'v1' } }
}

/** Every output file's bytes, by path. */
export async function tree(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const files = entries.filter((entry) => entry.isFile()).map((entry) => relative(dir, join(entry.parentPath, entry.name)))
  return new Map(await Promise.all(files.sort().map(async (path) => [path, await readFile(join(dir, path), 'latin1')] as const)))
}

/** The same sources built from nothing, without a cache. */
export async function coldTree(options: BuildOptions): Promise<Map<string, string>> {
  const out = await mkdtemp(join(tmpdir(), 'perf-cold-'))
  const result = await buildAndWrite({ ...options, out, cacheDir: undefined })
  expect(formatReport(result.files)).toBe('')
  const files = await tree(out)
  await rm(out, { recursive: true, force: true })
  return files
}

export const event = (index: number) => `synthetic-attack-${String(index).padStart(5, '0')}`
