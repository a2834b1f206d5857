/**
 * The prose of an event for review: English and French side by side, and for
 * a French section that translates an older English version, the English
 * diff since then.
 *
 * The record stores only the hash of the English text a translation was made
 * from, not the text. The old text is looked up in the git history of the
 * event's record.yaml: the first committed version whose section hashes to
 * `translates` (any section, in case it was renamed). This needs no extra
 * file to keep in sync, and git already holds every version an editor
 * committed. When the version was never committed (or the sources are not in
 * a git checkout), `oldEnglish` is `not-found` and the UI says so, showing
 * the current English in full instead of a diff.
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { diffWords } from 'diff'
import { parse } from 'yaml'
import type { LoadedEvent } from '../ingest/corpus.ts'
import { RECORD_FILE } from '../ingest/corpus.ts'
import { contentHash } from '../record/hash.ts'

const run = promisify(execFile)

/** How far back in a record's history to look: enough for any real review cycle. */
const MAX_VERSIONS = 200

const foundVersions = new Map<string, string>()

export interface DiffPart {
  value: string
  added?: boolean
  removed?: boolean
}

export interface ProseSection {
  id: string
  en: string
  fr?: string
  state?: 'translated' | 'reviewed' | 'final'
  /** Hash of the English text the French translates. */
  translates?: string
  /** Hash of the current English text. */
  current: string
  stale: boolean
  /** For a stale section: whether the English it translates was found in git history. */
  oldEnglish?: 'found' | 'not-found'
  /** Word diff from the translated English to the current English. */
  diff?: DiffPart[]
}

export async function proseSections(event: LoadedEvent): Promise<ProseSection[]> {
  return Promise.all(
    event.record.sections.map(async (section) => {
      const current = contentHash(section.en.text)
      const base: ProseSection = { id: section.id, en: section.en.text, current, stale: false }
      if (!section.fr) return base
      const translated = { ...base, fr: section.fr.text, state: section.fr.state, translates: section.fr.translates }
      if (section.fr.translates === current) return translated
      const old = await englishVersion(event.dir, section.fr.translates)
      if (old === undefined) return { ...translated, stale: true, oldEnglish: 'not-found' as const }
      const diff = diffWords(old, section.en.text).map(({ value, added, removed }) => ({ value, ...(added ? { added } : {}), ...(removed ? { removed } : {}) }))
      return { ...translated, stale: true, oldEnglish: 'found' as const, diff }
    }),
  )
}

/** The English section text with this hash in the record's git history, if any. */
export async function englishVersion(eventDir: string, hash: string): Promise<string | undefined> {
  // A hash always names the same text, so what was found once stays true.
  const known = foundVersions.get(hash)
  if (known !== undefined) return known
  const commits = await git(eventDir, ['log', `--max-count=${MAX_VERSIONS}`, '--format=%H', '--', RECORD_FILE])
  for (const commit of commits?.split('\n').filter(Boolean) ?? []) {
    const text = await git(eventDir, ['show', `${commit}:./${RECORD_FILE}`])
    const found = text === undefined ? undefined : sectionWithHash(text, hash)
    if (found !== undefined) {
      foundVersions.set(hash, found)
      return found
    }
  }
  return undefined
}

function sectionWithHash(yaml: string, hash: string): string | undefined {
  try {
    const sections = (parse(yaml) as { sections?: Array<{ en?: { text?: unknown } }> } | null)?.sections ?? []
    for (const section of sections) {
      const text = section?.en?.text
      if (typeof text === 'string' && contentHash(text) === hash) return text.trim()
    }
  } catch {
    // An old version that no longer parses simply holds no usable text.
  }
  return undefined
}

/** stdout of a git command, or undefined when git fails (not a checkout, no such path). */
async function git(cwd: string, args: string[]): Promise<string | undefined> {
  try {
    const { stdout } = await run('git', args, { cwd, maxBuffer: 16 * 1024 * 1024 })
    return stdout
  } catch {
    return undefined
  }
}
