import { hash } from 'node:crypto'

/** Texts made of ASCII alone are already in NFC. */
const ASCII = /^[\x00-\x7f]*$/
/** White space that the collapse below would change: any but a single space. */
const UNCOLLAPSED = /[^\S ]| {2}/

/**
 * Content hash of a text, insensitive to line wrapping and Unicode
 * normalization, so re-flowing a paragraph does not mark translations stale.
 * Normalization and collapsing are skipped when they would change nothing,
 * and the one-shot hash spares a Hash object per text: a build hashes every
 * section's text while checking and again while rendering.
 */
export function contentHash(text: string): string {
  const nfc = ASCII.test(text) ? text : text.normalize('NFC')
  const normalized = (UNCOLLAPSED.test(nfc) ? nfc.replace(/\s+/g, ' ') : nfc).trim()
  return hash('sha256', normalized, 'hex').slice(0, 12)
}
