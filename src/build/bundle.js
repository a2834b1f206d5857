/**
 * The CLI as one esbuild bundle, so that a process (and each render worker)
 * loads a few files instead of compiling hundreds of modules through tsx's
 * loader hooks (issue #8). There is no build step to forget: the first run
 * after a change rebuilds the bundle and every later run checks it is fresh.
 *
 * The bundle lives in node_modules/.cache/passerelle/ (derived data, where
 * tools keep theirs), one folder per version of the code, named by the hash
 * of its inputs; `current.json` names the folder in use and the inputs it
 * was built from. Freshness is decided on *content*: the hash of every file
 * of ours the bundle holds (recorded as the plugin loads it, so the hash is
 * of exactly the bytes bundled, with no window for an edit to slip between
 * the build and the record), of package.json, tsconfig.json and
 * node_modules/.package-lock.json. A stat check would save about 10 ms but
 * would need git's "racily clean" care and would rebuild after every
 * checkout or copy that only touches times; hashing the ~3 MB costs about
 * 12 ms, next to a start-up of a second or more.
 *
 * A build goes to a temporary folder renamed into place, and the pointer is
 * written the same way, so a concurrent process sees the old bundle or the
 * new one, never half of one; two processes building the same code produce
 * the same folder name and the loser of the rename just uses the winner's.
 *
 * This file is not bundled: the launcher and the bundle share this one
 * module, which is how the build knows it runs bundled and starts the
 * bundled render worker (renderWorkerEntry).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { extname, join, relative, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import { CODE_ROOT, hashOf } from './fast-noop.js'

/** Bumped when the layout or the build options change in a way the inputs do not show. */
const FORMAT = 1

/** Output name → entry, from the checkout's root. */
const ENTRIES = { cli: 'pipelines/cli.ts', 'render-worker': 'src/build/render-worker.ts' }

/** Files that shape the bundle without being bundled. */
const CONFIG_FILES = ['src/build/bundle.js', 'package.json', 'tsconfig.json', 'node_modules/.package-lock.json']

/** Bundle folders kept besides the current one: a long-running process (build --watch) may still load chunks from its own. */
const KEEP = 3

/** A temporary folder this old belongs to a build that died. */
const ABANDONED_MS = 60 * 60 * 1000

const LOADERS = { '.ts': 'ts', '.mts': 'ts', '.js': 'js', '.mjs': 'js', '.json': 'json' }

const THIS_FILE = 'src/build/bundle.js'

/** @type {string | undefined} the bundle folder this process runs from */
let running

/** @param {string} root */
const cacheDirOf = (root) => join(root, 'node_modules', '.cache', 'passerelle')

/**
 * The bundled worker when this process runs the bundled CLI, else undefined
 * (the tsx worker, src/build/worker-entry.js, is then the one to start).
 */
export function renderWorkerEntry() {
  return running === undefined ? undefined : pathToFileURL(join(running, 'render-worker.js'))
}

/**
 * The bundled CLI module (rebuilt first if stale), or undefined when it
 * cannot be had: esbuild missing or failing, a read-only node_modules… The
 * caller then runs the CLI through tsx; PASSERELLE_DEBUG_BUNDLE=1 says why.
 * @returns {Promise<{ main: (argv: string[]) => Promise<number> } | undefined>}
 */
export async function bundledCli() {
  try {
    const dir = await ensureBundle()
    const module = await import(pathToFileURL(join(dir, 'cli.js')).href)
    running = dir
    return module
  } catch (cause) {
    debug(`running through tsx: ${cause instanceof Error ? cause.stack : cause}`)
    return undefined
  }
}

/**
 * The folder of a fresh bundle of the checkout at `root`, built if needed.
 * @param {string} [root]
 * @returns {Promise<string>}
 */
export async function ensureBundle(root = CODE_ROOT) {
  const fresh = freshBundle(root)
  if (fresh !== undefined) return fresh
  const started = performance.now()
  const dir = await buildBundle(root)
  debug(`bundle rebuilt in ${Math.round(performance.now() - started)} ms: ${dir}`)
  return dir
}

/**
 * The current bundle's folder if every input it was built from still has
 * the same contents, else undefined.
 * @param {string} [root]
 */
export function freshBundle(root = CODE_ROOT) {
  const cacheDir = cacheDirOf(root)
  let pointer
  try {
    pointer = JSON.parse(readFileSync(join(cacheDir, 'current.json'), 'utf8'))
  } catch {
    return undefined
  }
  if (pointer?.format !== FORMAT || !Array.isArray(pointer.inputs)) return undefined
  for (const [path, hash] of pointer.inputs) {
    if (contentHash(join(root, path)) !== hash) {
      debug(`bundle stale: ${path} changed`)
      return undefined
    }
  }
  const dir = join(cacheDir, pointer.dir)
  return statSync(join(dir, 'cli.js'), { throwIfNoEntry: false }) ? dir : undefined
}

/** @param {string} path */
function contentHash(path) {
  try {
    return hashOf(readFileSync(path))
  } catch {
    return 'missing'
  }
}

/** @param {string} root */
async function buildBundle(root) {
  const esbuild = await import('esbuild')
  const cacheDir = cacheDirOf(root)
  mkdirSync(cacheDir, { recursive: true })
  // Taken before the build: a change during it makes the next run rebuild rather than trust a bundle of older bytes.
  const config = CONFIG_FILES.map((path) => [path, contentHash(join(root, path))])
  const temp = mkdtempSync(join(cacheDir, 'tmp-'))
  try {
    // The bundle folder sits at the same depth as the temporary one.
    const realRoot = realpathSync(root)
    const toRoot = toUrlPath(relative(realpathSync(temp), realRoot))
    /** @type {Map<string, string>} */
    const loaded = new Map()
    await esbuild.build({
      absWorkingDir: root,
      entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, path]) => [name, join(root, path)])),
      bundle: true,
      platform: 'node',
      format: 'esm',
      splitting: true,
      // One flat folder, so that every output file is the same distance from the checkout.
      outdir: temp,
      entryNames: '[name]',
      chunkNames: '[name]-[hash]',
      // Bundling renames clashing top-level names; tsx keeps `.name` as written, and so must the bundle.
      keepNames: true,
      logLevel: 'silent',
      banner: { js: banner(toRoot) },
      plugins: [ourSources(realRoot, toRoot, loaded)],
    })
    const inputs = [...config, ...loaded].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    const name = `bundle-${hashOf(String(FORMAT), JSON.stringify(inputs)).slice(0, 16)}`
    publish(temp, join(cacheDir, name))
    writeAtomically(join(cacheDir, 'current.json'), JSON.stringify({ format: FORMAT, dir: name, inputs }))
    prune(cacheDir, name)
    return join(cacheDir, name)
  } finally {
    rmSync(temp, { recursive: true, force: true })
  }
}

/**
 * Prepended to every output file. Bundled CommonJS packages call `require`,
 * which ES modules lack; `__passerelleRoot` is the checkout, found from the
 * bundle's own location when it runs.
 * @param {string} toRoot
 */
function banner(toRoot) {
  return [
    "import { createRequire as __passerelleCreateRequire } from 'node:module';",
    "import { dirname as __passerelleDirname } from 'node:path';",
    "import { fileURLToPath as __passerelleFileURLToPath } from 'node:url';",
    'const require = __passerelleCreateRequire(import.meta.url);',
    `const __passerelleRoot = new URL(${JSON.stringify(`${toRoot}/`)}, import.meta.url);`,
  ].join('\n')
}

/**
 * Loads our files (anything outside node_modules), hashing each and
 * pointing its `import.meta` at the source file rather than the bundle;
 * keeps this module outside the bundle.
 * @param {string} root the checkout, symbolic links resolved as esbuild resolves them
 * @param {string} toRoot
 * @param {Map<string, string>} loaded relative path → content hash
 * @returns {import('esbuild').Plugin}
 */
function ourSources(root, toRoot, loaded) {
  const self = join(root, THIS_FILE)
  return {
    name: 'passerelle-sources',
    setup(build) {
      build.onResolve({ filter: /(^|\/)bundle\.js$/ }, (args) => (join(args.resolveDir, args.path) === self ? { path: `${toRoot}/${THIS_FILE}`, external: true } : undefined))
      build.onLoad({ filter: /.*/ }, async (args) => {
        const path = relative(root, args.path)
        if (path.startsWith('..') || path.split(sep).includes('node_modules')) return undefined
        const bytes = await readFile(args.path)
        loaded.set(toUrlPath(path), hashOf(bytes))
        const loader = LOADERS[/** @type {keyof typeof LOADERS} */ (extname(path))]
        // Any other kind of file is esbuild's to load, but still an input.
        if (!loader) return undefined
        const text = bytes.toString('utf8')
        return loader === 'json' ? jsonModule(text) : { contents: relocateImportMeta(text, toUrlPath(path)), loader }
      })
    },
  }
}

/**
 * A JSON file as Node imports it (`with { type: 'json' }`: a default export
 * only), parsed by JSON.parse: esbuild's json loader writes an object
 * literal, which V8 parses several times slower, and src/detect's tables
 * weigh megabytes.
 * @param {string} text
 * @returns {import('esbuild').OnLoadResult}
 */
function jsonModule(text) {
  JSON.parse(text) // a syntax error belongs to the build, not to the first run that loads the table
  return { contents: `export default JSON.parse(${JSON.stringify(text)})`, loader: 'js' }
}

/**
 * `import.meta.url`, `.filename` and `.dirname` of the source file at
 * `path` (from the checkout's root), as the bundle computes them. Any other
 * use of `import.meta` fails the build (and the CLI runs through tsx) rather
 * than silently answer for the bundle.
 * @param {string} code
 * @param {string} path
 */
export function relocateImportMeta(code, path) {
  const url = `new URL(${JSON.stringify(path)}, __passerelleRoot)`
  const filename = `__passerelleFileURLToPath(${url})`
  const replacements = { url: `${url}.href`, filename, dirname: `__passerelleDirname(${filename})` }
  return code.replace(/\bimport\.meta\b(?:\.(\w+))?/g, (match, member) => {
    if (member in replacements) return replacements[/** @type {keyof typeof replacements} */ (member)]
    throw new Error(`${path}: \`${match}\` has no bundled equivalent`)
  })
}

/** @param {string} path */
const toUrlPath = (path) => path.split(sep).join('/')

/**
 * @param {string} temp
 * @param {string} dir
 */
function publish(temp, dir) {
  try {
    renameSync(temp, dir)
  } catch (cause) {
    // Another process built the same inputs first: its folder has the same files.
    const code = /** @type {NodeJS.ErrnoException} */ (cause).code
    if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw cause
  }
}

/**
 * @param {string} path
 * @param {string} text
 */
function writeAtomically(path, text) {
  const temp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`
  writeFileSync(temp, text)
  renameSync(temp, path)
}

/**
 * Removes all but the newest bundle folders and abandoned temporary ones.
 * Best effort: another process may be pruning too.
 * @param {string} cacheDir
 * @param {string} current
 */
function prune(cacheDir, current) {
  try {
    const folders = readdirSync(cacheDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => ({ name: entry.name, mtime: statSync(join(cacheDir, entry.name)).mtimeMs }))
    const bundles = folders.filter(({ name }) => name.startsWith('bundle-') && name !== current).sort((a, b) => b.mtime - a.mtime)
    const abandoned = folders.filter(({ name, mtime }) => name.startsWith('tmp-') && Date.now() - mtime > ABANDONED_MS)
    for (const { name } of [...bundles.slice(KEEP), ...abandoned]) rmSync(join(cacheDir, name), { recursive: true, force: true })
  } catch (cause) {
    debug(`pruning ${cacheDir}: ${cause}`)
  }
}

/** @param {string} message */
function debug(message) {
  if (process.env.PASSERELLE_DEBUG_BUNDLE) process.stderr.write(`passerelle bundle: ${message}\n`)
}
