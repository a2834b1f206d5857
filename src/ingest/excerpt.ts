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
import { ExcerptMeta } from '../record/schema.ts'
import { error } from '../diagnostics/index.ts'
import { parseYaml, validate, type YamlSource } from './yaml.ts'

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

/** Parses an excerpt; problems become messages on `file`, and undefined is returned. */
export function parseExcerpt(file: VFile): Excerpt | undefined {
  const tree = parser.parse(file) as Root
  const head = tree.children[0]
  if (head?.type !== 'yaml') {
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
