/**
 * Events restored from the cache without parsing. The cross-file checks run
 * on every build and need a record's YAML or an excerpt's tree only to place
 * a message; those are parsed on first use, from the same text, so a message
 * about a cached event is exactly the one a cold build gives.
 */
import type { LoadedEvent, EventFiles } from '../ingest/corpus.ts'
import type { Excerpt } from '../ingest/excerpt.ts'
import { parseExcerpt } from '../ingest/excerpt.ts'
import { parseYaml, type YamlSource } from '../ingest/yaml.ts'
import type { EventEntry } from './cache.ts'

export function restoredEvent(dir: string, folder: string, files: EventFiles, entry: EventEntry): LoadedEvent {
  return {
    record: entry.record,
    source: lazySource(files.record),
    dir,
    folder,
    excerpts: files.excerpts.map((file, index) => lazyExcerpt(file, entry.excerpts[index]!.meta)),
  }
}

function lazySource(file: YamlSource['file']): YamlSource {
  let parsed: YamlSource | undefined
  const source = () => (parsed ??= parseYaml(file, String(file.value)))
  return {
    file,
    base: 0,
    get doc() {
      return source().doc
    },
  }
}

function lazyExcerpt(file: Excerpt['file'], meta: Excerpt['meta']): Excerpt {
  let parsed: Excerpt | undefined
  const excerpt = () => {
    parsed ??= parseExcerpt(file)
    // Cached only when it parsed cleanly, and the text is the same: it parses again.
    if (!parsed) throw new Error(`${file.path} no longer parses although its cached hash matches`)
    return parsed
  }
  return {
    meta,
    file,
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
