/**
 * `merge`: the shards' pages put together, plus the pages about all events
 * (indexes, feeds, sitemap, root), which only the whole corpus can make.
 * Each shard left a manifest with its events' records and leads; the
 * merged output is byte-identical to a build without shards.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { VFile } from 'vfile'
import { error } from '../diagnostics/index.ts'
import type { Locales } from '../publish/i18n.ts'
import { sitePages } from '../publish/site.ts'
import type { Outputs } from '../publish/write.ts'
import type { ShardManifest } from './incremental.ts'
import { SHARD_MANIFEST } from './shard.ts'

export interface MergePlan {
  write: Outputs
  link: Map<string, string>
  /** Manifests, with a message on each that cannot be merged. */
  files: VFile[]
}

export async function mergeShards(shardDirs: readonly string[], locales: Locales, cwd = process.cwd()): Promise<MergePlan> {
  const manifests: Array<{ dir: string; file: VFile; manifest?: ShardManifest }> = []
  for (const dir of shardDirs) manifests.push({ dir, ...(await readManifest(dir, cwd)) })
  const files = manifests.map(({ file }) => file)
  const plan: MergePlan = { write: new Map(), link: new Map(), files }
  const valid = manifests.filter((entry): entry is typeof entry & { manifest: ShardManifest } => entry.manifest !== undefined)
  if (valid.length !== manifests.length || !consistent(valid)) return plan

  for (const { dir } of valid) {
    for (const path of await filesUnder(dir)) if (path !== SHARD_MANIFEST) plan.link.set(path, join(dir, path))
  }
  const events = valid.sort((a, b) => shardIndex(a.manifest) - shardIndex(b.manifest)).flatMap(({ manifest }) => manifest.events)
  const leads = new Map(events.map((event) => [event.record.id, event.leads]))
  for (const [path, content] of sitePages(events.map((event) => event.record), leads, locales, { baseUrl: valid[0]!.manifest.baseUrl })) plan.write.set(path, content)
  return plan
}

async function readManifest(dir: string, cwd: string): Promise<{ file: VFile; manifest?: ShardManifest }> {
  const path = join(dir, SHARD_MANIFEST)
  const file = new VFile({ path: relative(cwd, path) || path })
  try {
    file.value = await readFile(path, 'utf8')
    const manifest = JSON.parse(String(file.value)) as ShardManifest
    if (manifest.format === 1 && Array.isArray(manifest.events)) return { file, manifest }
    error(file, 'Not a shard manifest of this version', { ruleId: 'merge-manifest', hint: 'build the shards again with this version of passerelle' })
  } catch (cause) {
    const missing = (cause as NodeJS.ErrnoException).code === 'ENOENT'
    error(file, missing ? `${dir} holds no shard manifest` : `The shard manifest is not valid JSON: ${(cause as Error).message}`, {
      ruleId: 'merge-manifest',
      hint: 'pass the output folders of `passerelle build --shard i/n`',
    })
  }
  return { file }
}

/** Every shard 1..n exactly once, all built from the same inputs. */
function consistent(entries: Array<{ file: VFile; manifest: ShardManifest }>): boolean {
  const total = Number(entries[0]?.manifest.shard.split('/')[1])
  const seen = new Set<number>()
  let ok = entries.length > 0
  for (const { file, manifest } of entries) {
    if (manifest.corpus !== entries[0]!.manifest.corpus || manifest.baseUrl !== entries[0]!.manifest.baseUrl) {
      error(file, `Shard ${manifest.shard} was built from other sources, locales, code or base URL than shard ${entries[0]!.manifest.shard}`, {
        ruleId: 'merge-mismatch',
        hint: 'build every shard from the same commit with the same options',
      })
      ok = false
    }
    if (Number(manifest.shard.split('/')[1]) !== total || seen.has(shardIndex(manifest))) {
      error(file, `Shard ${manifest.shard} does not fit with the others (${total} shards expected, each once)`, { ruleId: 'merge-mismatch', hint: 'pass each shard folder once' })
      ok = false
    }
    seen.add(shardIndex(manifest))
  }
  if (ok && seen.size !== total) {
    const missing = Array.from({ length: total }, (_, index) => index + 1).filter((index) => !seen.has(index))
    error(entries[0]!.file, `Shard${missing.length > 1 ? 's' : ''} ${missing.map((index) => `${index}/${total}`).join(', ')} missing`, {
      ruleId: 'merge-missing-shard',
      hint: 'pass the output folder of every shard',
    })
    ok = false
  }
  return ok
}

function shardIndex(manifest: ShardManifest): number {
  return Number(manifest.shard.split('/')[0])
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries.filter((entry) => entry.isFile()).map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
}
