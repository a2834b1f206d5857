/**
 * The CLI run from its esbuild bundle (src/build/bundle.js) against the same
 * CLI run through tsx: same bytes out, same stamp, and a bundle that follows
 * the code it was built from and the checkout it lives in.
 */
import { spawn } from 'node:child_process'
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, symlink, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateCorpus } from '../../bench/synthetic.ts'
import { freshBundle, relocateImportMeta } from '../../src/build/bundle.js'
import { copySources, ROOT, snapshot } from '../review/helpers.ts'

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

const TSX = { PASSERELLE_NO_BUNDLE: '1' }
const FALLBACK = 'running through tsx'

/** `passerelle …` as a user runs it, from the checkout at `root`; bundle diagnostics stay on stderr, prefixed. */
function passerelle(args: string[], options: { cwd: string; root?: string; env?: Record<string, string> }): Promise<Run> {
  const child = spawn(process.execPath, [join(options.root ?? ROOT, 'bin', 'passerelle.js'), ...args], {
    cwd: options.cwd,
    env: { ...process.env, PASSERELLE_DEBUG_BUNDLE: '1', ...options.env },
  })
  const out = { stdout: '', stderr: '' }
  child.stdout.on('data', (chunk: Buffer) => (out.stdout += chunk))
  child.stderr.on('data', (chunk: Buffer) => (out.stderr += chunk))
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, ...out }))
  })
}

/** What the command itself wrote on stderr, without the bundle's debug lines. */
const ownStderr = (run: Run) => run.stderr.replace(/^passerelle bundle: .*\n/gm, '')

function expectBundled(run: Run) {
  expect(run.stderr).not.toContain(FALLBACK)
  expect(run.code).toBe(0)
}

/**
 * A private checkout: our files copied, node_modules one symbolic link per
 * package, so that it builds its own bundle; tests never write the real src/
 * nor the real bundle, and edits to the working tree while they run cannot
 * make the two CLIs differ.
 */
async function copyCheckout(): Promise<string> {
  const root = join(await mkdtemp(join(tmpdir(), 'passerelle-bundle-')), 'checkout')
  await mkdir(join(root, 'node_modules'), { recursive: true })
  for (const path of ['bin', 'src', 'pipelines', 'locales', 'package.json', 'package-lock.json', 'tsconfig.json']) await cp(join(ROOT, path), join(root, path), { recursive: true })
  await cp(join(ROOT, 'node_modules', '.package-lock.json'), join(root, 'node_modules', '.package-lock.json'))
  for (const name of await readdir(join(ROOT, 'node_modules'))) {
    if (!name.startsWith('.')) await symlink(join(ROOT, 'node_modules', name), join(root, 'node_modules', name))
  }
  return root
}

// One private checkout for the whole file, in this order: first runs, then the CLIs compared, then changes to the checkout.
describe('the bundled CLI', () => {
  let root: string
  let work: string
  let dir: string
  let sources: string
  beforeAll(async () => {
    root = await copyCheckout()
    work = await mkdtemp(join(tmpdir(), 'passerelle-bundle-work-'))
    ;({ dir, sources } = await copySources())
  })
  afterAll(() => Promise.all([join(root, '..'), work, dir].map((path) => rm(path, { recursive: true, force: true }))))

  it('is built by two concurrent first runs, both of which succeed', async () => {
    expect(freshBundle(root)).toBeUndefined()
    const check = () => passerelle(['check', '--sources', join(ROOT, 'sources')], { cwd: work, root })
    const runs = await Promise.all([check(), check()])
    for (const run of runs) expectBundled(run)
    expect(runs[0]!.stdout).toBe(runs[1]!.stdout)
    expect(runs[0]!.stdout).not.toBe('')
    expect(freshBundle(root)).toBeDefined()
  })

  it('gives the same check output', async () => {
    const bundled = await passerelle(['check', '--sources', sources], { cwd: dir, root })
    const tsx = await passerelle(['check', '--sources', sources], { cwd: dir, root, env: TSX })
    expectBundled(bundled)
    expect(freshBundle(root)).toBeDefined()
    expect([bundled.code, bundled.stdout, ownStderr(bundled)]).toEqual([tsx.code, tsx.stdout, tsx.stderr])
  })

  it('writes the same dist/', async () => {
    const build = (out: string, env?: Record<string, string>) => passerelle(['build', '--sources', sources, '--out', join(dir, out), '--no-cache', '--quiet'], { cwd: dir, root, ...(env && { env }) })
    expectBundled(await build('dist-bundled'))
    expect((await build('dist-tsx', TSX)).code).toBe(0)
    const bundled = await snapshot(join(dir, 'dist-bundled'))
    expect(bundled.size).toBeGreaterThan(40)
    expect(bundled).toEqual(await snapshot(join(dir, 'dist-tsx')))
  })

  it('records the same code in the stamp: either one sees the other’s build as current', async () => {
    const build = (env?: Record<string, string>) => passerelle(['build', '--sources', sources, '--out', join(dir, 'dist-stamp')], { cwd: dir, root, ...(env && { env }) })
    // A new time on an excerpt defeats the fast no-op without changing what is published.
    const excerpt = (await readdir(join(sources, 'soumpi-attack'), { recursive: true })).find((name) => name.endsWith('.md'))!
    const touch = () => utimes(join(sources, 'soumpi-attack', excerpt), new Date(), new Date())
    expectBundled(await build())
    // Nothing changed: the launcher answers from the stamp the bundled build left, before choosing either CLI.
    expect((await build(TSX)).stdout).toMatch(/\(0 events parsed, 0 rendered,/)
    await touch()
    expect((await build(TSX)).stdout).toMatch(/ 0 rendered,/)
    await touch()
    const bundled = await build()
    expectBundled(bundled)
    expect(bundled.stdout).toMatch(/ 0 rendered,/)
  })

  it('goes stale when a source file changes, and the next run uses the change', async () => {
    const before = freshBundle(root)
    expect(before).toBeDefined()
    const cli = join(root, 'pipelines', 'cli.ts')
    const code = await readFile(cli, 'utf8')
    expect(code).toContain("summary: 'validate every record")
    await writeFile(cli, code.replace("summary: 'validate every record", "summary: 'changed in the copy: validate every record"))
    expect(freshBundle(root)).toBeUndefined()
    const help = await passerelle(['--help'], { cwd: work, root })
    expectBundled(help)
    expect(help.stdout).toContain('changed in the copy: validate every record')
    expect(freshBundle(root)).not.toBe(before)
  })

  it('goes stale when the installed packages change', async () => {
    expect(freshBundle(root)).toBeDefined()
    const lock = join(root, 'node_modules', '.package-lock.json')
    await writeFile(lock, (await readFile(lock, 'utf8')) + '\n')
    expect(freshBundle(root)).toBeUndefined()
  })

  it('follows the checkout when it moves, and the review server still finds its files', async () => {
    expectBundled(await passerelle(['--help'], { cwd: work, root }))
    const moved = join(root, '..', 'moved')
    await rename(root, moved)
    root = moved
    expect(freshBundle(moved)).toBeDefined()
    const server = spawn(process.execPath, [join(moved, 'bin', 'passerelle.js'), 'review', '--port', '0', '--sources', join(ROOT, 'sources')], { cwd: work, env: { ...process.env, PASSERELLE_DEBUG_BUNDLE: '1' } })
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let stderr = ''
        server.stderr.on('data', (chunk: Buffer) => (stderr += chunk))
        server.stdout.on('data', (chunk: Buffer) => {
          const found = /Review UI: (\S+)/.exec(String(chunk))
          if (found) resolve(found[1]!)
        })
        server.on('close', () => reject(new Error(`review exited: ${stderr}`)))
      })
      const files = { '/': 'src/review/app/index.html', '/app.js': 'src/review/app/app.js', '/locales/fr/review.json': 'locales/fr/review.json', '/vendor/i18next.js': 'node_modules/i18next/dist/esm/i18next.js' }
      for (const [path, file] of Object.entries(files)) {
        const response = await fetch(new URL(path, url))
        expect(response.status, path).toBe(200)
        expect(Buffer.from(await response.arrayBuffer()).equals(await readFile(join(moved, file))), path).toBe(true)
      }
    } finally {
      server.kill('SIGTERM')
    }
  })

  it('renders on bundled workers', async () => {
    // The tsx worker would fail: a pass proves the bundled one ran.
    await writeFile(join(root, 'src', 'build', 'worker-entry.js'), "throw new Error('the tsx worker was started')\n")
    const corpus = join(work, 'corpus')
    await generateCorpus(corpus, { events: 200, seed: 5 })
    const threaded = await passerelle(['build', '--sources', corpus, '--out', join(work, 'threaded'), '--no-cache', '--quiet', '--workers', '2'], { cwd: work, root })
    expectBundled(threaded)
    expect(ownStderr(threaded)).toBe('')
    // Same bytes whether rendered on workers or not: tests/perf/incremental.test.ts.
    const pages = [...(await snapshot(join(work, 'threaded'))).keys()]
    expect(pages.filter((path) => /^\/(en|fr)\/[^/]+\/index\.html$/.test(path))).toHaveLength(400)
  }, 120_000)
})

describe('import.meta in a bundled file', () => {
  it('points at the source file, from the bundle’s root', () => {
    expect(relocateImportMeta('const a = import.meta.url, b = import.meta.dirname', 'src/x/y.ts')).toBe(
      'const a = new URL("src/x/y.ts", __passerelleRoot).href, b = __passerelleDirname(__passerelleFileURLToPath(new URL("src/x/y.ts", __passerelleRoot)))',
    )
  })

  it('fails the bundle on a use it cannot place, rather than answer for the bundle', () => {
    expect(() => relocateImportMeta('import.meta.resolve("./z.ts")', 'src/x/y.ts')).toThrow('src/x/y.ts: `import.meta.resolve`')
    expect(() => relocateImportMeta('const meta = import.meta', 'src/x/y.ts')).toThrow('src/x/y.ts: `import.meta`')
  })
})
