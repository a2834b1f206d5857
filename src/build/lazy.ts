/**
 * Events restored from the cache without parsing, and without reading their
 * files when their stats say they did not change. The cross-file checks and
 * the report need a file, a record's YAML or an excerpt's tree only to place
 * a message: those are made on first use (the file read then, from the same
 * bytes the cached hash was made of), so a message about a cached event is
 * exactly the one a cold build gives.
 */
import { readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { VFile } from 'vfile'
import { EXCERPTS_DIR, RECORD_FILE, type LoadedEvent, type EventFiles } from '../ingest/corpus.ts'
import type { Excerpt } from '../ingest/excerpt.ts'
import { parseExcerpt } from '../ingest/excerpt.ts'
import { parseYaml, type YamlSource } from '../ingest/yaml.ts'
import type { EventEntry } from './cache.ts'

export interface RestoredEvent {
  event: LoadedEvent
  /** The event's files made so far (all of them when they were read), record first: only those can carry a message. */
  files(): VFile[]
}

/**
 * @param files the event's files when this build read them; undefined to
 *   make each one only when something asks for it
 */
export function restoredEvent(dir: string, folder: string, entry: EventEntry, cwd: string, files?: EventFiles): RestoredEvent {
  const made: Array<VFile | undefined> = files ? [files.record, ...files.excerpts] : []
  const file = (index: number, path: string) => (made[index] ??= lazyFile(path, cwd))
  const recordFile = () => file(0, join(dir, RECORD_FILE))
  const event: LoadedEvent = {
    record: entry.record,
    source: lazySource(recordFile),
    dir,
    folder,
    excerpts: entry.excerpts.map(({ name, meta }, index) => lazyExcerpt(() => file(index + 1, join(dir, EXCERPTS_DIR, name)), meta)),
  }
  return { event, files: () => made.filter((value) => value !== undefined) }
}

/** A vfile named as `readEventFilesSync` names it, whose text is read on first use. */
function lazyFile(path: string, cwd: string): VFile {
  const file = new VFile({ path: relative(cwd, path) || path })
  let text: string | undefined
  Object.defineProperty(file, 'value', {
    configurable: true,
    enumerable: true,
    get() {
      if (text === undefined) {
        // Cached only when it was valid UTF-8; a leading BOM is dropped as src/ingest/read.ts does.
        text = new TextDecoder().decode(readFileSync(path))
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
      }
      return text
    },
    set(value: string) {
      text = value
    },
  })
  return file
}

function lazySource(file: () => VFile): YamlSource {
  let parsed: YamlSource | undefined
  const source = () => (parsed ??= parseYaml(file(), String(file().value)))
  return {
    get file() {
      return file()
    },
    base: 0,
    get doc() {
      return source().doc
    },
  }
}

function lazyExcerpt(file: () => VFile, meta: Excerpt['meta']): Excerpt {
  let parsed: Excerpt | undefined
  const excerpt = () => {
    parsed ??= parseExcerpt(file())
    // Cached only when it parsed cleanly, and the text is the same: it parses again.
    if (!parsed) throw new Error(`${file().path} no longer parses although its cached hash matches`)
    return parsed
  }
  return {
    meta,
    get file() {
      return file()
    },
    get tree() {
      return excerpt().tree
    },
    get frontMatter() {
      return excerpt().frontMatter
    },
    get blocks() {
      return excerpt().blocks
    },
  }
}
