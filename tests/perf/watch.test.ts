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
import { coldTree, event, site, tree } from './helpers.ts'

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
})
