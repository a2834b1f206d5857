/**
 * The stat-based paths: the no-op that bin/passerelle.js answers from the
 * stamp alone, what fools it and what does not, racily clean stats, the
 * incremental cross-file checks and the cache buckets.
 */
import { describe, expect, it } from 'vitest'
import { appendFile, readFile, readdir, stat, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { buildAndWrite } from '../../src/build/incremental.ts'
import { fastNoop, invocationKey, stampFile } from '../../src/build/fast-noop.js'
import { deserialize, serialize } from 'node:v8'
import { scanSources } from '../../src/build/scan.ts'
import { formatReport } from '../../src/diagnostics/index.ts'
import { coldTree, event, site, tick, tree, type Site } from './helpers.ts'

/** The options `passerelle build --sources … --out … --cache …` gives, with the command line the fast path compares. */
function cliOptions(s: Site) {
  const argv = ['--sources', s.root, '--out', s.out, '--cache', s.cache]
  const values = { sources: s.root, out: s.out, cache: s.cache }
  return { argv, options: { ...s.options, codeVersion: undefined, invocation: invocationKey(s.dir, values) } }
}

describe('no-op answered from the stamp, before loading the build', () => {
  it('answers after a clean build, with the line the build prints, and not for another command line', async () => {
    const s = await site()
    const { argv, options } = cliOptions(s)
    await buildAndWrite(options)
    expect(fastNoop(argv, s.dir)).toBe(`4 events, 30 files written to ${s.out} (0 events parsed, 0 rendered, the rest from the cache)\n`)
    expect(fastNoop([...argv, '--quiet'], s.dir)).toBe('')
    expect(fastNoop([...argv, '--base-url', 'https://example.net/'], s.dir)).toBeUndefined()
    expect(fastNoop([...argv, '--no-cache'], s.dir)).toBeUndefined()
    expect(fastNoop([...argv, '--bogus'], s.dir)).toBeUndefined()
    // A stamp another checkout's code made says nothing about this code.
    const path = stampFile(s.cache, s.out)
    const stamp = deserialize(await readFile(path)) as { fast: { root: string } }
    await writeFile(path, serialize({ ...stamp, fast: { ...stamp.fast, root: '/elsewhere/' } }))
    expect(fastNoop(argv, s.dir)).toBeUndefined()
  })

  it('does not answer after an excerpt, a record or the glossary changed, a file was added, or a page was edited', async () => {
    const s = await site()
    const { argv, options } = cliOptions(s)
    const changes: Array<() => Promise<unknown>> = [
      () => appendFile(join(s.root, event(1), 'excerpts', 'agence-0.md'), '\nEncore.\n'),
      () => appendFile(join(s.root, event(2), 'record.yaml'), '\n'),
      () => appendFile(join(s.root, 'glossary.yaml'), '\n'),
      () => writeFile(join(s.root, event(3), 'excerpts', 'notes.txt'), 'not an excerpt, but the folder changed'),
      () => appendFile(join(s.out, 'en', 'index.html'), ' '),
    ]
    for (const change of changes) {
      await buildAndWrite(options)
      await tick()
      await buildAndWrite(options)
      expect(fastNoop(argv, s.dir)).toBeDefined()
      await change()
      expect(fastNoop(argv, s.dir)).toBeUndefined()
    }
  })

  it('is not fooled by an edit that keeps the size and puts the modification time back (the change time moves)', async () => {
    const s = await site()
    const { argv, options } = cliOptions(s)
    const path = join(s.root, event(1), 'excerpts', 'agence-0.md')
    // A whole second, so that putting it back is exact.
    await utimes(path, 1_700_000_000, 1_700_000_000)
    await tick()
    await buildAndWrite(options)
    const before = await stat(path)
    const text = await readFile(path, 'utf8')
    // Same length, other words: the kind of edit a size and a modification time alone would miss.
    await writeFile(path, text.replace('soldats', 'SOLDATS'))
    await utimes(path, 1_700_000_000, 1_700_000_000)
    expect((await stat(path)).size).toBe(before.size)
    expect((await stat(path)).mtimeMs).toBe(before.mtimeMs)
    expect(fastNoop(argv, s.dir)).toBeUndefined()
    const result = await buildAndWrite(options)
    expect(result.stats.parsed).toBe(1)
  })

  it('records no stat taken in the tick of a file’s last change (racily clean), so the next build hashes again', async () => {
    const s = await site()
    // A build that started at the epoch stands for "every file changed in the build's tick or after".
    const racy = scanSources(s.root, 0n)
    expect(racy.racy).toBe(true)
    expect([...racy.events.values()].every((scan) => scan.stats === '')).toBe(true)
    // One that starts a second from now: every file is older.
    const settled = scanSources(s.root, BigInt(Date.now() + 1000) * 1_000_000n)
    expect(settled.racy).toBe(false)
    expect([...settled.events.values()].every((scan) => scan.stats !== '')).toBe(true)
  })
})

describe('incremental cross-file checks', () => {
  it('a changed excerpt taking the id of an unchanged later excerpt gets the message a cold build places (on the later one)', async () => {
    const s = await site()
    await buildAndWrite(s.options)
    await tick()
    await buildAndWrite(s.options)
    const path = join(s.root, event(0), 'excerpts', 'agence-2.md')
    await writeFile(path, (await readFile(path, 'utf8')).replace(`id: ${event(0)}-2`, `id: ${event(3)}-1`))
    const warm = await buildAndWrite(s.options)
    const cold = await buildAndWrite({ ...s.options, cacheDir: undefined, out: join(s.dir, 'cold') })
    expect(formatReport(warm.files)).toMatch(/already used by/)
    expect(formatReport(warm.files)).toBe(formatReport(cold.files))
  })

  it('a changed record naming an unknown related event, then fixed, reports and then builds as a cold build', async () => {
    const s = await site()
    await buildAndWrite(s.options)
    const path = join(s.root, event(2), 'record.yaml')
    const original = await readFile(path, 'utf8')
    await writeFile(path, original.replace(`- ${event(1)}`, '- no-such-event'))
    const warm = await buildAndWrite(s.options)
    const cold = await buildAndWrite({ ...s.options, cacheDir: undefined, out: join(s.dir, 'cold') })
    expect(formatReport(warm.files)).toMatch(/Related event `no-such-event` does not exist/)
    expect(formatReport(warm.files)).toBe(formatReport(cold.files))
    await writeFile(path, original)
    const fixed = await buildAndWrite(s.options)
    expect(formatReport(fixed.files)).toBe('')
  })
})

describe('cache buckets', () => {
  it('one excerpt changed rewrites one bucket of events, not all of them', async () => {
    const s = await site()
    await buildAndWrite(s.options)
    const [buckets] = (await readdir(s.cache)).filter((name) => name.endsWith('.events'))
    const times = async () => new Map(await Promise.all((await readdir(join(s.cache, buckets!))).map(async (name) => [name, (await stat(join(s.cache, buckets!, name))).mtimeMs] as const)))
    const before = await times()
    await tick()
    await appendFile(join(s.root, event(2), 'excerpts', 'agence-0.md'), '\nEncore.\n')
    const result = await buildAndWrite(s.options)
    expect(result.stats.parsed).toBe(1)
    const after = await times()
    expect([...after].filter(([name, time]) => before.get(name) !== time).length).toBe(1)
    const again = await buildAndWrite(s.options)
    expect(again.stats.parsed).toBe(0)
    expect(await tree(s.out)).toEqual(await coldTree(s.options))
  })
})
