/**
 * The direct Markdown writer must give the very bytes of the library path
 * (hast-util-to-mdast + mdast-util-to-markdown + GFM) on every tree it
 * accepts: on every bundled page, and on generated trees whose text mixes
 * every character Markdown escapes with the ones the writer passes through.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { h } from 'hastscript'
import type { Element, ElementContent } from 'hast'
import { directMarkdown, refusal } from '../../src/publish/markdown-direct.ts'
import { articleMarkdown, libraryMarkdown } from '../../src/publish/markdown.ts'
import { flatInfobox } from '../../src/publish/infobox-data.ts'
import rehypeFrenchTypography from '../../src/publish/typography.ts'
import { languages } from '../../src/record/schema.ts'
import { article, bundled } from './render.ts'

/** The tree articleMarkdown writes: infobox flattened, typography applied. */
function flatArticle(tree: Element, lang: string): Element {
  const children = tree.children.map((child): ElementContent =>
    child.type === 'element' && child.tagName === 'table' && Array.isArray(child.properties.className) && child.properties.className.includes('infobox') ? flatInfobox(child, '; ') : child,
  )
  const flat: Element = { ...tree, children }
  rehypeFrenchTypography({ lang })(flat)
  return flat
}

describe('direct Markdown writer', () => {
  it('writes every bundled page itself, byte-identical to the libraries', async () => {
    const { corpus } = await bundled()
    let pages = 0
    for (const event of corpus.events) {
      for (const lang of languages) {
        const flat = flatArticle((await article(event.record.id, lang)).article, lang)
        const direct = directMarkdown(flat)
        expect(direct, `${event.record.id} ${lang} refused: ${refusal}`).toBeDefined()
        expect(direct).toBe(libraryMarkdown(flat))
        pages++
      }
    }
    expect(pages).toBe(corpus.events.length * 2)
  })

  it('articleMarkdown gives the library output whichever path it takes', async () => {
    const rendered = await article('soumpi-attack', 'fr')
    expect(articleMarkdown(rendered.article)).toBe(libraryMarkdown(flatArticle(rendered.article, 'fr')))
  })

  it('refuses what it does not know rather than write it differently', () => {
    const page = (...children: ElementContent[]) => h('article', { lang: 'en' }, [h('h1', 'Title'), ...children])
    const cases: Array<[Element, string]> = [
      [page(h('p', 'a *star*')), 'character "*"'],
      [page(h('p', '1. not a list')), 'syntax at line start'],
      [page(h('p', 'see www.example.org')), 'autolink literal'],
      [page(h('p', ['a', h('br'), 'b'])), 'inline <br>'],
      [page(h('p', 'trailing ')), 'empty block or trailing space'],
      [page(h('ul', [h('li', 'a')]), h('ul', [h('li', 'b')])), 'adjacent lists'],
      [page(h('p', [h('a', { href: 'https://x.org/?a=1&b=2' }, 'x')])), 'link target'],
    ]
    for (const [tree, why] of cases) {
      expect(directMarkdown(tree), why).toBeUndefined()
      expect(refusal).toBe(why)
    }
  })

  it('agrees with the libraries on generated pages (or refuses them)', () => {
    // Words that stay on the fast path, and pieces that each trip one escaping rule or whitespace rule.
    const word = fc.constantFrom('Mali', 'attaque', 'l\'armée', 'Soumpi', '14', '2018', 'à', 'été', '«\u202Fcamp\u202F»', '“quoted”', 'a.m.', 'JNIM–CPA', '4:00', '(GMT)', '50 %', 'x/y', 'a-b', 'c+d', 'e=f', '$5', '?', ';', ':', ',', '.', 'ça\u00A0:', '1er', '10\u202F000')
    const risky = fc.constantFrom('*', '_', '[', ']', '`', '<b', '&amp', '#', '!', '|', '~', '\\', '\n', '\t', '  ', ' ', '1.', '2)', '- ', '+ ', '= ', ': -', 'www.x', 'https://x', 'a@b.c', '\u0007')
    const text = fc.array(fc.oneof({ weight: 60, arbitrary: word }, { weight: 1, arbitrary: risky }), { minLength: 1, maxLength: 6 }).map((parts) => parts.join(' '))
    const href = fc.oneof({ weight: 12, arbitrary: fc.constantFrom('#ref-rfi', '../attaque-de-soumpi/', 'https://www.rfi.fr/fr/afrique/20180127-mali') }, { weight: 1, arbitrary: fc.constantFrom('#ref-rfi', '../attaque-de-soumpi/', 'https://www.rfi.fr/fr/afrique/20180127-mali', 'https://x.org/?a=1&b=2', 'https://x.org/a(b)', '', 'a b') })
    const inline: fc.Arbitrary<ElementContent> = fc.oneof(
      { weight: 50, arbitrary: text.map((value): ElementContent => ({ type: 'text', value })) },
      { weight: 10, arbitrary: fc.tuple(href, fc.integer({ min: 1, max: 12 })).map(([url, number]) => h('sup', { className: ['citation'] }, [h('a', { href: url }, `[${number}]`)])) },
      { weight: 10, arbitrary: fc.tuple(href, text).map(([url, label]) => h('a', { href: url }, [h('cite', { lang: 'fr' }, label)])) },
      { weight: 10, arbitrary: text.map((value) => h(value.length % 2 ? 'strong' : 'em', value)) },
      { weight: 10, arbitrary: text.map((value) => h(value.length % 3 ? 'span' : 'data', { lang: 'fr' }, value)) },
      { weight: 1, arbitrary: fc.constantFrom(h('br'), h('code', 'x'), { type: 'comment', value: 'c' } as ElementContent) },
    )
    const phrasing = fc.oneof({ weight: 30, arbitrary: fc.array(inline, { minLength: 1, maxLength: 4 }) }, { weight: 1, arbitrary: fc.constant<ElementContent[]>([]) })
    const block: fc.Arbitrary<ElementContent> = fc.oneof(
      { weight: 4, arbitrary: phrasing.map((children) => h('p', children)) },
      { weight: 1, arbitrary: phrasing.map((children) => h('h2', children)) },
      { weight: 1, arbitrary: fc.array(phrasing, { minLength: 1, maxLength: 3 }).map((items) => h('ul', items.map((children) => h('li', children)))) },
      { weight: 1, arbitrary: fc.array(phrasing, { minLength: 1, maxLength: 3 }).map((items) => h('ol', items.map((children) => h('li', children)))) },
      {
        weight: 1,
        arbitrary: fc.array(fc.tuple(phrasing, phrasing), { minLength: 1, maxLength: 4 }).map((rows) =>
          h('table', [h('tr', [h('th', rows[0]![0]), h('th')]), ...rows.slice(1).map(([label, value]) => h('tr', [h('td', [h('strong', 'Side')].concat(label as Element[])), h('td', value)]))]),
        ),
      },
      { weight: 1, arbitrary: fc.array(phrasing, { minLength: 1, maxLength: 2 }).map((paragraphs) => h('section', [h('div', paragraphs.flatMap((children) => [{ type: 'text', value: '\n' } as ElementContent, h('p', children)]))])) },
    )
    let accepted = 0
    let runs = 0
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 5 }), (blocks) => {
        runs++
        const tree = h('article', { lang: 'fr' }, [h('h1', 'Attaque de Soumpi'), ...blocks])
        const direct = directMarkdown(tree)
        if (direct === undefined) return true
        accepted++
        expect(direct).toBe(libraryMarkdown(tree))
        return true
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 600), seed: Number(process.env.FUZZ_SEED ?? 20260125) },
    )
    // The property says nothing if the writer refuses everything: most generated pages must take the fast path.
    if (process.env.SHOW_ACCEPTED) console.log(`accepted ${accepted} of ${runs}`)
    expect(accepted / runs).toBeGreaterThan(0.2)
  })
})
