/**
 * Two builds of the same arbitrary valid sources write byte-identical
 * folders (fast-check). The in-process property runs the build's own entry
 * (`buildAndWrite`, as `passerelle build --no-cache --workers 1`) twice
 * into temporary folders, in the same process, so the second build runs
 * with every memo the first one (and every earlier run) warmed. The CLI
 * property starts real `passerelle build` processes, one with the default
 * cache (an incremental rebuild after the first run) and one without:
 * fewer runs, as each process loads the whole stack.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { execFile } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildAndWrite } from '../../src/build/incremental.ts'
import { formatReport, hasErrors } from '../../src/diagnostics/index.ts'
import { DEFAULT_BASE_URL } from '../../src/publish/urls.ts'
import { validGlossary, validRecord, writeSources } from './arbitraries.ts'
import { BUILD_RUNS, CLI_RUNS, counted, printCountsAfterAll, timeout } from './fuzz-counts.ts'

printCountsAfterAll('build-properties.test.ts')

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'passerelle.js')

/** Every file under `dir`, by relative path, sorted. */
async function tree(dir: string): Promise<Map<string, Buffer>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const paths = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
  const files = new Map<string, Buffer>()
  for (const path of paths.sort()) files.set(path, await readFile(join(dir, path)))
  return files
}

function expectSameTree(second: Map<string, Buffer>, first: Map<string, Buffer>) {
  expect([...second.keys()]).toEqual([...first.keys()])
  expect(first.size).toBeGreaterThan(0)
  for (const [path, bytes] of first) {
    const other = second.get(path)!
    // Compared as bytes; shown as text when they differ.
    if (!other.equals(bytes)) expect(other.toString('utf8'), path).toBe(bytes.toString('utf8'))
    expect(other.equals(bytes), path).toBe(true)
  }
}

/** Runs `bin/passerelle.js` as a user would, in its own Node process. */
function passerelle(args: string[], cwd: string): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd }, (failure, _stdout, stderr) => {
      resolve({ code: failure ? Number(failure.code ?? 1) : 0, stderr })
    })
  })
}

describe('building arbitrary valid sources twice', () => {
  it('gives byte-identical folders from two in-process builds (no cache, one worker)', { timeout: timeout(BUILD_RUNS, 2000) }, async () => {
    const run = counted('build: two in-process builds (buildAndWrite, no cache, 1 worker) write byte-identical folders')
    const dir = await mkdtemp(join(tmpdir(), 'passerelle-fuzz-same-'))
    const sources = join(dir, 'sources')
    const build = async (out: string) => {
      const result = await buildAndWrite({ root: sources, cwd: dir, out: join(dir, out), baseUrl: DEFAULT_BASE_URL, workers: 1 })
      expect(hasErrors(result.files), formatReport(result.files)).toBe(false)
      return tree(join(dir, out))
    }
    await fc.assert(
      fc.asyncProperty(validGlossary, validRecord, async (glossary, record) => {
        run()
        await writeSources(sources, glossary, record)
        const first = await build('a')
        expectSameTree(await build('b'), first)
      }),
      { numRuns: BUILD_RUNS },
    )
    run.done()
    await rm(dir, { recursive: true, force: true })
  })

  it('gives byte-identical folders from two `passerelle build` processes, cached and not', { timeout: timeout(CLI_RUNS, 120_000) }, async () => {
    const run = counted('build CLI: two real `passerelle build` processes (one with the cache, rebuilding over the previous run; one --no-cache) write byte-identical folders')
    const dir = await mkdtemp(join(tmpdir(), 'passerelle-fuzz-cli-'))
    await fc.assert(
      fc.asyncProperty(validGlossary, validRecord, async (glossary, record) => {
        run()
        await writeSources(join(dir, 'sources'), glossary, record)
        // `a` keeps its cache from run to run, so after the first run it is an incremental rebuild; `b` is always cold.
        for (const [out, flags] of [['a', []], ['b', ['--no-cache']]] as const) {
          const result = await passerelle(['build', '--sources', 'sources', '--out', out, '--quiet', ...flags], dir)
          expect(result.code, result.stderr).toBe(0)
        }
        expectSameTree(await tree(join(dir, 'b')), await tree(join(dir, 'a')))
      }),
      { numRuns: CLI_RUNS },
    )
    run.done()
    await rm(dir, { recursive: true, force: true })
  })
})
