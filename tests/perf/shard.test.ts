/**
 * `build --shard i/n` + `merge` through the CLI: byte-identical to a single
 * build, refusal of incomplete or mismatched shard sets, and the progress
 * bar's rules.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { mkdtemp, readFile, readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { PassThrough } from 'node:stream'
import { generateCorpus } from '../../bench/synthetic.ts'
import { runCli } from '../cli-harness.ts'
import { parseShard, shardRange } from '../../src/build/shard.ts'
import { progressBar, shouldShowProgress } from '../../src/build/progress.ts'

let dir: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'perf-shard-'))
  await generateCorpus(join(dir, 'sources'), { events: 5, seed: 3 })
})

async function tree(root: string): Promise<Map<string, string>> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true })
  const files = entries.filter((entry) => entry.isFile()).map((entry) => relative(root, join(entry.parentPath, entry.name)))
  return new Map(await Promise.all(files.sort().map(async (path) => [path, await readFile(join(root, path), 'latin1')] as const)))
}

const cli = (...argv: string[]) => runCli(argv, { cwd: dir })

describe('sharded builds', () => {
  it('shards merged give the bytes of one build, cold or warm', async () => {
    expect((await cli('build', '--no-cache', '--quiet', '--out', 'single')).code).toBe(0)
    const single = await tree(join(dir, 'single'))
    for (const shard of ['1/3', '2/3', '3/3']) {
      const result = await cli('build', '--quiet', '--shard', shard, '--out', `shard-${shard[0]}`)
      expect(result.stderr).toBe('')
      expect(result.code).toBe(0)
    }
    expect(await tree(join(dir, 'shard-1'))).not.toEqual(single)
    expect((await cli('merge', '--quiet', '--out', 'merged', 'shard-3', 'shard-1', 'shard-2')).code).toBe(0)
    expect(await tree(join(dir, 'merged'))).toEqual(single)
    // Warm (cached) build of the same sources, one worker of the CPU: the same bytes again.
    expect((await cli('build', '--quiet', '--out', 'warm')).code).toBe(0)
    expect((await cli('build', '--quiet', '--out', 'warm')).code).toBe(0)
    expect(await tree(join(dir, 'warm'))).toEqual(single)
  })

  it('refuses to merge an incomplete set of shards and writes nothing', async () => {
    expect((await cli('build', '--quiet', '--shard', '1/2', '--out', 'half-1')).code).toBe(0)
    const result = await cli('merge', '--out', 'incomplete', 'half-1')
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/half-1\/passerelle-shard\.json\n.*error Shard 2\/2 missing; pass the output folder of every shard/)
    await expect(readdir(join(dir, 'incomplete'))).rejects.toThrow(/ENOENT/)
  })

  it('refuses a folder that is no shard, and a malformed --shard', async () => {
    expect((await cli('merge', '--out', 'nothing', 'sources')).stderr).toMatch(/sources holds no shard manifest/)
    const bad = await cli('build', '--shard', '3/2')
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/--shard 3\/2: the shard number must be between 1 and 2/)
  })
})

describe('shard ranges', () => {
  it('cut the events into contiguous runs covering each once', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, total: 4 })
    expect(parseShard('0/4')).toMatch(/between 1 and 4/)
    expect(parseShard('a/b')).toMatch(/look like 2\/4/)
    const ranges = [1, 2, 3].map((index) => shardRange(10, { index, total: 3 }))
    expect(ranges).toEqual([
      [0, 3],
      [3, 6],
      [6, 10],
    ])
  })
})

describe('progress bar', () => {
  it('shows only in a terminal, outside CI, without --quiet', () => {
    const tty = Object.assign(new PassThrough(), { isTTY: true })
    expect(shouldShowProgress(tty, false, {})).toBe(true)
    expect(shouldShowProgress(tty, true, {})).toBe(false)
    expect(shouldShowProgress(tty, false, { CI: 'true' })).toBe(false)
    expect(shouldShowProgress(new PassThrough(), false, {})).toBe(false)
  })

  it('redraws at most every 100 ms and at the end, then clears its line', () => {
    const stream = new PassThrough()
    let clock = 0
    const bar = progressBar(stream, () => clock)
    bar.start('rendering', 4)
    bar.tick()
    clock = 150
    bar.tick()
    bar.tick()
    bar.tick()
    bar.stop()
    const drawn = String(stream.read())
    expect(drawn.split('\r').filter((line) => line.includes('] '))).toHaveLength(3)
    expect(drawn).toContain('] 4/4')
    expect(drawn.endsWith('\r\x1b[K')).toBe(true)
  })
})
