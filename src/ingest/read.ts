/**
 * Reading source files into vfiles: bytes are checked to be UTF-8 (a
 * positioned error, not mojibake), and a leading BOM is dropped so offsets
 * count characters of the text the user sees.
 */
import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { VFile } from 'vfile'
import { location } from 'vfile-location'
import { error } from '../diagnostics/index.ts'

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })
const lenientUtf8 = new TextDecoder('utf-8')

/** Turns bytes into a vfile; invalid UTF-8 becomes an error at the first bad character. */
export function toVFile(path: string, bytes: Uint8Array): VFile {
  let text: string
  let invalid = false
  try {
    text = strictUtf8.decode(bytes)
  } catch {
    text = lenientUtf8.decode(bytes)
    invalid = true
  }
  return textVFile(path, text, invalid)
}

function textVFile(path: string, decoded: string, invalid: boolean): VFile {
  const text = withoutBom(decoded)
  const file = new VFile({ path, value: text })
  if (invalid) {
    const offset = text.indexOf('\uFFFD')
    error(file, 'File is not valid UTF-8', {
      place: location(file).toPoint(offset),
      ruleId: 'invalid-utf8',
      hint: 're-save it as UTF-8',
    })
  }
  return file
}

function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/**
 * toVFile of a file's bytes, read synchronously. Node decodes UTF-8 to a
 * string in one call, with no Buffer; any invalid byte becomes U+FFFD, so
 * only a text holding U+FFFD needs its bytes read again for the strict decoder.
 */
export function readVFileSync(path: string, name = path): VFile {
  const text = readFileSync(path, 'utf8')
  if (text.includes('\uFFFD')) return toVFile(name, readFileSync(path))
  // TextDecoder drops a leading BOM before toVFile drops the next one: so does this.
  return textVFile(name, withoutBom(text), false)
}

/** @param name how messages name the file (default: `path`) */
export async function readVFile(path: string, name = path): Promise<VFile> {
  return toVFile(name, await readFile(path))
}
