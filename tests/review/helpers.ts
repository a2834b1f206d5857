/** Test helpers: a private copy of sources/, and a snapshot of a folder's bytes. */
import { execFileSync } from 'node:child_process'
import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const ROOT = join(import.meta.dirname, '..', '..')

/**
 * A temporary folder holding a copy of the real sources/ (tests never write
 * the real one); `only` copies the glossary and those events, which keeps
 * tests that concern one event from loading all of them.
 */
export async function copySources(only?: readonly string[]): Promise<{ dir: string; sources: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'passerelle-review-'))
  const sources = join(dir, 'sources')
  const from = join(ROOT, 'sources')
  const keep = only && new Set(['glossary.yaml', ...only])
  await cp(from, sources, { recursive: true, filter: (path) => !keep || path === from || keep.has(path.slice(from.length + 1).split('/')[0]!) })
  return { dir, sources }
}

/** Every file below `dir` with its bytes, for byte-identical comparisons. */
export async function snapshot(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>()
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name)
      files.set(path.slice(dir.length), await readFile(path))
    }
  }
  return files
}

/** Commits the sources folder into a fresh git repository, as an editor's checkout would be. */
export function commitAll(dir: string) {
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.org', ...args], { cwd: dir, stdio: 'pipe' })
  git('init', '-q')
  git('add', '.')
  git('commit', '-q', '-m', 'sources')
}

/** Runs `check` while the event's record.yaml has `from` replaced by `to`, then restores it. */
export async function withEditedRecord<T>(sources: string, event: string, from: string, to: string, check: () => Promise<T>): Promise<T> {
  const record = join(sources, event, 'record.yaml')
  const original = await readFile(record, 'utf8')
  if (!original.includes(from)) throw new Error(`${event}/record.yaml does not contain ${JSON.stringify(from)}`)
  await writeFile(record, original.replace(from, to))
  try {
    return await check()
  } finally {
    await writeFile(record, original)
  }
}
