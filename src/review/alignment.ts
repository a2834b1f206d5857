/**
 * The review's access to the align stage. `src/align/index.ts` is written in
 * parallel with this module; until it exists, alignment is reported as
 * unavailable (and the UI and XLIFF notes say so) instead of being faked.
 */
import type { Glossary } from '../record/schema.ts'
import type { LoadedEvent } from '../ingest/corpus.ts'
import type { EventAlignment } from '../align/types.ts'

type AlignEvent = (event: LoadedEvent, glossary: Glossary) => EventAlignment | Promise<EventAlignment>

let loaded: Promise<AlignEvent | undefined> | undefined

async function loadAligner(): Promise<AlignEvent | undefined> {
  const path = '../align/index.ts'
  try {
    const module = (await import(/* @vite-ignore */ path)) as { alignEvent?: AlignEvent }
    return module.alignEvent
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' || /Cannot find module|Failed to load url/.test(String(cause))) return undefined
    throw cause
  }
}

/** The event's alignment, or undefined when the align stage is not available. */
export async function alignmentOf(event: LoadedEvent, glossary: Glossary): Promise<EventAlignment | undefined> {
  loaded ??= loadAligner()
  const alignEvent = await loaded
  return alignEvent ? await alignEvent(event, glossary) : undefined
}
