/**
 * French source excerpts: Markdown with YAML front matter, parsed by unified
 * + remark-parse + remark-frontmatter. Positions are kept so that later
 * stages can point at a character span of the file.
 */
import { unified } from 'unified'
import remarkParse from 'remark-parse'
import remarkFrontmatter from 'remark-frontmatter'
import type { Root, Yaml, Paragraph, Nodes } from 'mdast'
import type { VFile } from 'vfile'
import { visit } from 'unist-util-visit'
import { location } from 'vfile-location'
import { ExcerptMeta } from '../record/schema.ts'
import { error } from '../diagnostics/index.ts'
import { parseYaml, validate, type YamlSource } from './yaml.ts'
import { quickFrontMatter } from './excerpt-fast.ts'

/**
 * A paragraph's plain text, with a map back to the file: `segments` say where
 * each run of the text came from, so a span found in `text` can be shown in
 * the file even when Markdown syntax (`*`, `[`) sat between the runs.
 */
export interface TextBlock {
  text: string
  segments: Array<{ textStart: number; fileStart: number; length: number }>
}

export interface Excerpt {
  meta: ExcerptMeta
  file: VFile
  tree: Root
  frontMatter: YamlSource
  blocks: TextBlock[]
}

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml'])

/** Excerpts are a few paragraphs; anything this large is a pasted page or a wrong file. */
export const MAX_EXCERPT_BYTES = 1024 * 1024
/**
 * micromark resolves nested block quotes and emphasis runs in quadratic time:
 * 100,000 nested `>` take minutes. No news excerpt comes near these limits,
 * so refuse such input with a message rather than hang.
 */
const MAX_QUOTE_DEPTH = 32
const MAX_MARKER_RUN = 32
const TOO_DEEP = new RegExp(`^(?:[ \\t]*>){${MAX_QUOTE_DEPTH + 1}}|[*_]{${MAX_MARKER_RUN + 1}}`, 'm')

/** Parses an excerpt; problems become messages on `file`, and undefined is returned. */
export function parseExcerpt(file: VFile): Excerpt | undefined {
  if (!withinLimits(file)) return undefined
  const quick = quickFrontMatter(String(file.value))
  return quick ? deferredExcerpt(file, quick.value, quick.offset) : parsedExcerpt(file)
}

/**
 * An excerpt whose Markdown is known to parse with no message: the front
 * matter is read now, the tree and text blocks on first use (a build never
 * asks for them), from the same text, so they are what a parse now would give.
 */
function deferredExcerpt(file: VFile, yaml: string, offset: number): Excerpt | undefined {
  const frontMatter = parseYaml(file, yaml, offset)
  const meta = validate(frontMatter, ExcerptMeta, 'excerpt front matter')
  if (!meta) return undefined
  let tree: Root | undefined
  let blocks: TextBlock[] | undefined
  return {
    meta,
    file,
    frontMatter,
    get tree() {
      return (tree ??= parser.parse(file) as Root)
    },
    get blocks() {
      return (blocks ??= textBlocks(this.tree))
    },
  }
}

function parsedExcerpt(file: VFile): Excerpt | undefined {
  const tree = parser.parse(file) as Root
  const head = tree.children[0]
  if (head?.type !== 'yaml') {
    // remark-frontmatter only recognises a closed block: an opening `---` alone is a typo, not a missing block.
    if (/^---[ \t]*\r?\n/.test(String(file.value))) {
      error(file, 'Excerpt front matter is not closed', {
        place: { line: 1, column: 1 },
        ruleId: 'excerpt-front-matter-unclosed',
        hint: 'add a line holding only `---` after the last front matter field',
      })
      return undefined
    }
    error(file, 'Excerpt has no front matter', {
      place: { line: 1, column: 1 },
      ruleId: 'excerpt-front-matter-missing',
      hint: 'start the file with a `---` block holding id, reference, kind, language and published',
    })
    return undefined
  }
  const frontMatter = parseYaml(file, head.value, frontMatterOffset(file, head))
  const meta = validate(frontMatter, ExcerptMeta, 'excerpt front matter')
  const blocks = textBlocks(tree)
  if (blocks.length === 0) {
    error(file, 'Excerpt has no text after its front matter', {
      place: head.position?.end,
      ruleId: 'excerpt-empty',
      hint: 'add the French paragraphs of the excerpt',
    })
  }
  if (!meta || blocks.length === 0) return undefined
  return { meta, file, tree, frontMatter, blocks }
}

function withinLimits(file: VFile): boolean {
  const text = String(file.value)
  const bytes = Buffer.byteLength(text)
  if (bytes > MAX_EXCERPT_BYTES) {
    error(file, `Excerpt is ${(bytes / 1024 / 1024).toFixed(1)} MiB, over the ${MAX_EXCERPT_BYTES / 1024 / 1024} MiB limit`, {
      ruleId: 'excerpt-too-large',
      hint: 'keep only the passage about the event, or split it into several excerpts',
    })
    return false
  }
  const nested = TOO_DEEP.exec(text)
  if (nested) {
    const place = location(file).toPoint(nested.index)
    error(file, nested[0].includes('>') ? `Block quotes nested more than ${MAX_QUOTE_DEPTH} levels deep` : `A run of more than ${MAX_MARKER_RUN} emphasis markers`, {
      place,
      ruleId: 'markdown-too-deep',
      hint: 'excerpts are plain paragraphs; remove the runaway Markdown',
    })
    return false
  }
  return true
}

function frontMatterOffset(file: VFile, node: Yaml): number {
  const start = node.position?.start.offset ?? 0
  const at = String(file.value).indexOf(node.value, start)
  return at === -1 ? start : at
}

/** Plain text of every paragraph (including those in quotes and lists). */
export function textBlocks(tree: Root): TextBlock[] {
  const blocks: TextBlock[] = []
  visit(tree, 'paragraph', (paragraph: Paragraph) => {
    const block: TextBlock = { text: '', segments: [] }
    collect(paragraph, block)
    if (block.text.trim()) blocks.push(block)
  })
  return blocks
}

function collect(node: Nodes, block: TextBlock) {
  if (node.type === 'text' || node.type === 'inlineCode') {
    const fileStart = node.position?.start.offset
    // Escapes and entities make the value shorter than its source; map run starts only.
    if (fileStart !== undefined) {
      block.segments.push({ textStart: block.text.length, fileStart: fileStart + (node.type === 'inlineCode' ? 1 : 0), length: node.value.length })
    }
    block.text += node.value
  } else if (node.type === 'break') {
    block.text += '\n'
  } else if ('children' in node) {
    for (const child of node.children) collect(child as Nodes, block)
  }
}

/** File offset of a character offset within a block's text. */
export function fileOffset(block: TextBlock, textOffset: number): number | undefined {
  let found: TextBlock['segments'][number] | undefined
  for (const segment of block.segments) {
    if (segment.textStart <= textOffset) found = segment
    else break
  }
  return found ? found.fileStart + Math.min(textOffset - found.textStart, found.length) : undefined
}
