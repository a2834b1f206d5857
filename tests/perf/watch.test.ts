/**
 * `build --watch`: each change under the sources is rebuilt in the same
 * process, from the cache in memory, into the same atomic output, and the
 * output is byte-identical to a cold build of the sources as they are.
 */
import { describe, expect, it } from 'vitest'
import { appendFile, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { watchBuild } from '../../src/build/watch.ts'
import { buildAndWrite, type BuildResult } from '../../src/build/incremental.ts'
import { formatReport } from '../../src/diagnostics/index.ts'
import { coldTree, event, site, tree, type Site } from './helpers.ts'

describe('build --watch', () => {
  it('rebuilds on each change, one line each, and its output is that of a cold build', async () => {
    const s = await site()
    const lines: string[] = []
    const results: BuildResult[] = []
    let next: (() => void) | undefined
    const io = { stdout: { write: (line: string) => lines.push(line) }, stderr: { write: (line: string) => lines.push(line) } }
    const watching = watchBuild(s.options, io as never, undefined, (result) => (results.push(result), next?.()))
    const rebuilt = () => new Promise<void>((resolve) => (next = resolve))
    try {
      await watching.ready
      expect(results[0]!.stats).toMatchObject({ events: 4, parsed: 4, rendered: 4 })

      let done = rebuilt()
      await appendFile(join(s.root, event(2), 'excerpts', 'agence-0.md'), '\nUn paragraphe de plus.\n')
      await done
      expect(results.at(-1)!.stats).toMatchObject({ parsed: 1, rendered: 0, quick: true })

      done = rebuilt()
      const recordPath = join(s.root, event(1), 'record.yaml')
      await writeFile(recordPath, (await readFile(recordPath, 'utf8')).replace('en: Synthetic attack 1\n', 'en: Synthetic attack one\n'))
      await done
      expect(results.at(-1)!.stats).toMatchObject({ parsed: 1, rendered: 2, sitePages: true, quick: true })
      expect(await tree(s.out)).toEqual(await coldTree(s.options))

      // An error is reported and leaves the output as it was; fixing it builds again.
      const before = await tree(s.out)
      done = rebuilt()
      await writeFile(recordPath, (await readFile(recordPath, 'utf8')).replace('partOf: mali-war', 'partOf: no-such-war'))
      await done
      expect(formatReport(results.at(-1)!.files)).toMatch(/Unknown entity `no-such-war`/)
      expect(await tree(s.out)).toEqual(before)
      done = rebuilt()
      await writeFile(recordPath, (await readFile(recordPath, 'utf8')).replace('partOf: no-such-war', 'partOf: mali-war'))
      await done
      expect(formatReport(results.at(-1)!.files)).toBe('')
      // The build after an error is a full one; the next change is quick again.
      expect(results.at(-1)!.stats.quick).toBeUndefined()
      expect(await tree(s.out)).toEqual(await coldTree(s.options))

      // A new slug: the old pages go, the event and the pages listing it are written again.
      done = rebuilt()
      await writeFile(recordPath, (await readFile(recordPath, 'utf8')).replace(`en: ${event(1)}`, 'en: renamed-attack'))
      await done
      expect(results.at(-1)!.stats).toMatchObject({ rendered: 2, sitePages: true, quick: true })
      expect(await tree(s.out)).toEqual(await coldTree(s.options))
      expect([...(await tree(s.out)).keys()].some((path) => path.startsWith(`en/${event(1)}/`))).toBe(false)
    } finally {
      await watching.stop()
    }
    expect(lines.filter((line) => line.startsWith('built in ')).length).toBe(5)
    // What the watching process saved is what a new process finds: nothing to parse or render, the same output.
    const after = await buildAndWrite(s.options)
    expect(after.stats).toMatchObject({ parsed: 0, rendered: 0 })
    expect(await tree(s.out)).toEqual(await coldTree(s.options))
    expect(lines.filter((line) => line.startsWith('build failed in ')).length).toBe(1)
  })

  it('a quick rebuild hands a change across files (an excerpt id another event uses) to the full build, which reports it as a cold build does', async () => {
    const s = await site()
    const { watching, change } = watchSite(s)
    try {
      await watching.ready
      const excerpt = join(s.root, event(2), 'excerpts', 'agence-0.md')
      const original = await readFile(excerpt, 'utf8')
      let result = await change(() => writeFile(excerpt, original.replace(`id: ${event(2)}-0`, `id: ${event(0)}-0`)))
      const cold = await buildAndWrite({ ...s.options, cacheDir: undefined, out: join(s.root, '..', 'cold') })
      expect(result.stats.quick).toBeUndefined()
      expect(formatReport(result.files)).toBe(formatReport(cold.files))
      expect(formatReport(result.files)).toMatch(/already used/)

      result = await change(() => writeFile(excerpt, original))
      expect(formatReport(result.files)).toBe('')
      // Quick again, with the uses of every id counted right: the id is free again, so another change to it passes.
      result = await change(() => writeFile(excerpt, original + '\nUne phrase de plus.\n'))
      expect(result.stats).toMatchObject({ quick: true, parsed: 1 })
      // An id given up by one quick rebuild is free for the next one.
      result = await change(() => writeFile(excerpt, original.replace(`id: ${event(2)}-0`, `id: ${event(2)}-renamed`)))
      expect(result.stats).toMatchObject({ quick: true, parsed: 1 })
      result = await change(() => writeFile(excerpt, original))
      expect(result.stats).toMatchObject({ quick: true, parsed: 1 })
      expect(formatReport(result.files)).toBe('')
      expect(await tree(s.out)).toEqual(await coldTree(s.options))
    } finally {
      await watching.stop()
    }
  })

  it('started on an output that is up to date, the first change is already a quick rebuild', async () => {
    const s = await site()
    await buildAndWrite(s.options)
    const { results, watching, change } = watchSite(s)
    try {
      await watching.ready
      expect(results[0]!.stats).toMatchObject({ parsed: 0, rendered: 0 })
      const result = await change(() => appendFile(join(s.root, event(3), 'excerpts', 'agence-0.md'), '\nUn paragraphe de plus.\n'))
      expect(result.stats).toMatchObject({ parsed: 1, rendered: 0, quick: true })
      expect(await tree(s.out)).toEqual(await coldTree(s.options))
    } finally {
      await watching.stop()
    }
  })
})

/** A watch on the site, and `change`: makes a change and resolves with the result of the rebuild it causes. */
function watchSite(s: Site) {
  const results: BuildResult[] = []
  let next: (() => void) | undefined
  const quiet = { write: () => true }
  const watching = watchBuild(s.options, { stdout: quiet, stderr: quiet } as never, undefined, (result) => (results.push(result), next?.()))
  const change = async (write: () => Promise<unknown>): Promise<BuildResult> => {
    const rebuilt = new Promise<void>((resolve) => (next = resolve))
    await write()
    await rebuilt
    return results.at(-1)!
  }
  return { results, watching, change }
}
