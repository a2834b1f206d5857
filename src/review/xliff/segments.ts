/**
 * How a prose section is cut into XLIFF segments. CAT tools work best on
 * short segments, so a section whose English and French have the same number
 * of paragraphs gets one segment per paragraph; otherwise the paragraphs do not
 * correspond and the whole section is one segment. Export and import share
 * this module so that the cut and the join are exact inverses.
 */
import type { Section } from '../../record/schema.ts'

export const PARAGRAPH_BREAK = '\n\n'

export interface SegmentPair {
  id: string
  source: string
  /** Absent when the section has no French text yet. */
  target?: string
}

function paragraphs(text: string): string[] {
  const parts = text.split(PARAGRAPH_BREAK)
  // An empty part (three newlines in a row) would make an empty segment; keep the text whole.
  return parts.some((part) => part.trim() === '') ? [text] : parts
}

export function segmentSection(section: Section): SegmentPair[] {
  const english = paragraphs(section.en.text)
  const french = section.fr ? paragraphs(section.fr.text) : undefined
  if (french && french.length !== english.length) {
    return [{ id: `${section.id}-1`, source: section.en.text, target: section.fr!.text }]
  }
  return english.map((source, index) => ({
    id: `${section.id}-${index + 1}`,
    source,
    ...(french ? { target: french[index]! } : {}),
  }))
}

/** The inverse of `segmentSection` for one side. */
export function joinSegments(texts: readonly string[]): string {
  return texts.join(PARAGRAPH_BREAK)
}
