import { createHash } from 'node:crypto'

/**
 * Content hash of a text, insensitive to line wrapping and Unicode
 * normalization, so re-flowing a paragraph does not mark translations stale.
 */
export function contentHash(text: string): string {
  const normalized = text.normalize('NFC').replace(/\s+/g, ' ').trim()
  return createHash('sha256').update(normalized).digest('hex').slice(0, 12)
}
