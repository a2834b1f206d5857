/**
 * Fault injection against the real commands: kill -9 in the middle of a
 * build and of a review write, and a disk that fills up during a build.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawn, execFileSync, type ChildProcess } from 'node:child_process'
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { existsSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { generateCorpus } from '../../bench/synthetic.ts'
import { readReviewState } from '../../src/review/state.ts'
import { FIXTURES } from '../ingest/broken-fixtures.ts'
import { runCli } from '../cli-harness.ts'

const ROOT = join(import.meta.dirname, '..', '..')
const BIN = join(ROOT, 'bin', 'passerelle.js')
const cleanup: string[] = []

afterAll(async () => {
  for (const dir of cleanup) await rm(dir, { recursive: true, force: true })
})

async function temporary(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `passerelle-${prefix}-`))
  cleanup.push(dir)
  return dir
}

/** Every file below `dir` with its bytes. */
async function tree(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>()
  for (const path of (await readdir(dir, { recursive: true })).sort()) {
    const bytes = await readFile(join(dir, path)).catch(() => undefined)
    if (bytes) files.set(path, bytes.toString('base64'))
  }
  return files
}

/** Resolves when `check` holds, polling every 2 ms (or rejects after `ms`). */
async function until(check: () => boolean, ms = 30_000): Promise<void> {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting for the child')
    await new Promise((resolve) => setTimeout(resolve, 2))
  }
}

function exited(child: ChildProcess): Promise<NodeJS.Signals | number | null> {
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)))
}

describe('kill -9 during a build', () => {
  it('leaves the previous dist/ byte-identical, and the next build succeeds', async () => {
    const dir = await temporary('kill-build')
    const out = join(dir, 'dist')
    expect((await runCli(['build', '--sources', join(FIXTURES, '_base'), '--out', out, '--quiet'], { cwd: dir })).code).toBe(0)
    const before = await tree(out)
    // Enough events that writing the new site takes a while.
    await generateCorpus(join(dir, 'big'), { events: 12 })
    // The build stops for good once 20 files are staged (a fault point in write.ts), then gets killed there.
    const child = spawn(process.execPath, [BIN, 'build', '--sources', 'big', '--out', 'dist'], {
      cwd: dir,
      stdio: 'ignore',
      env: { ...process.env, PASSERELLE_FAULT_AFTER_FILES: '20' },
    })
    const status = exited(child)
    await until(() => stagedFiles(dir) >= 20, 120_000)
    // Stopped there for good, not racing on: the kill below lands half-way whatever the machine's speed.
    const staged = stagedFiles(dir)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(stagedFiles(dir)).toBe(staged)
    expect(child.exitCode).toBeNull()
    child.kill('SIGKILL')
    expect(await status).toBe('SIGKILL')
    // It was killed half-way: its staging folder is still there, the swap never happened.
    expect(readdirNames(dir).filter((name) => /^dist\.\d+\.tmp$/.test(name))).toHaveLength(1)
    expect(await tree(out)).toEqual(before)
    expect((await runCli(['build', '--sources', 'big', '--out', 'dist', '--quiet'], { cwd: dir })).code).toBe(0)
    expect(existsSync(join(out, 'en', 'synthetic-attack-00011'))).toBe(true)
  })
})

/** Files in the build's staging folder (`dist.<pid>.tmp`), 0 while there is none. */
function stagedFiles(dir: string): number {
  const staging = readdirNames(dir).find((name) => /^dist\.\d+\.tmp$/.test(name))
  if (!staging) return 0
  return readdirSync(join(dir, staging), { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length
}

function readdirNames(dir: string): string[] {
  try {
    return execFileSync('ls', ['-1', dir], { encoding: 'utf8' }).split('\n')
  } catch {
    return []
  }
}

describe('kill -9 during a review write', () => {
  it.each([1, 5, 20])('leaves review-state.json valid JSON with every acknowledged decision (killed after %i writes)', async (writes) => {
    const dir = await temporary('kill-review')
    // `node --import tsx`, not the tsx binary: that one runs node as a child, which SIGKILL would not reach.
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'review-writer.ts'), dir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] })
    const status = exited(child)
    let acknowledged = 0
    child.stdout!.on('data', (chunk: Buffer) => {
      acknowledged = Math.max(acknowledged, ...chunk.toString().trim().split('\n').map(Number))
    })
    await until(() => acknowledged >= writes)
    child.kill('SIGKILL')
    expect(await status).toBe('SIGKILL')
    // readReviewState throws on anything but a valid state file.
    const state = await readReviewState(dir)
    expect(state.version).toBe(1)
    expect(Object.keys(state.decisions).length).toBeGreaterThanOrEqual(acknowledged)
  })
})

/** A tmpfs of `size`, or undefined when this machine does not allow mounting one (not root, no CAP_SYS_ADMIN). */
function tinyDisk(dir: string, size: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

describe('a full disk (ENOSPC)', () => {
  let disk = ''
  let mounted = false
  // Mount in a hook, not in the describe body: a body runs at collection even when a filter skips the suite,
  // and a mount nobody unmounts makes the final clean-up fail with EBUSY.
  beforeAll(async () => {
    const dir = await temporary('enospc')
    disk = join(dir, 'disk')
    await mkdir(disk)
    mounted = tinyDisk(disk, '128k')
  })
  afterAll(() => {
    if (mounted) execFileSync('umount', [disk])
  })

  it('is reported in one clear line, exit 1, and the previous dist/ is intact', async (context) => {
    if (!mounted) return context.skip('this machine does not allow mounting a tmpfs (needs root)')
    const dir = dirname(disk)
    const out = join(disk, 'dist')
    // The small corpus fits once (~55 kB); the bigger one cannot be staged beside it.
    expect((await runCli(['build', '--sources', join(FIXTURES, '_base'), '--out', out, '--quiet'], { cwd: dir })).code).toBe(0)
    const before = await tree(out)
    await generateCorpus(join(dir, 'bigger'), { events: 3 })
    const result = await runCli(['build', '--sources', 'bigger', '--out', out], { cwd: dir })
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^passerelle build: the disk is full while writing .+; free some space and run again \(nothing was published\)\n$/)
    expect(await tree(out)).toEqual(before)
    // No half-written staging folder is left to fill the disk further.
    expect(readdirNames(disk).filter(Boolean)).toEqual(['dist'])
  })
})
