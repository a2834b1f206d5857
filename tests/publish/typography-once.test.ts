/**
 * A rendered article gets its French typography once, in renderArticle; the
 * page and the Markdown place it as it is (`done` / `typographed`) instead
 * of walking it again, and the page's sanitizing checks it without copying
 * it. Each shortcut must change nothing but the work done.
 */
import { describe, expect, it } from 'vitest'
import { h } from 'hastscript'
import type { Element, ElementContent } from 'hast'
import rehypeFrenchTypography from '../../src/publish/typography.ts'
import { cleanCopy } from '../../src/publish/sanitize.ts'
import { toDocument, type DocumentOptions } from '../../src/publish/page.ts'
import { articleMarkdown } from '../../src/publish/markdown.ts'
import { article, bundled } from './render.ts'

const texts = (node: ElementContent): string[] => (node.type === 'text' ? [node.value] : node.type === 'element' ? node.children.flatMap(texts) : [])

describe('typography `done`', () => {
  it('leaves a done element alone and still fixes everything around it', () => {
    const done = h('div', { lang: 'fr' }, [h('p', 'Il a dit "bonjour" !')])
    const tree = h('div', { lang: 'fr' }, [h('p', 'Avant : "oui"'), done, h('p', 'Après ; "non"')])
    rehypeFrenchTypography({ lang: 'fr', done: new Set([done]) })(tree)
    expect(texts(done)).toEqual(['Il a dit "bonjour" !'])
    expect(texts(tree)).toEqual(['Avant\u00A0: «\u202Foui\u202F»', 'Il a dit "bonjour" !', 'Après\u202F; «\u202Fnon\u202F»'])
  })

  it('is a boundary: no space moves out of it, as none moves out of a block', () => {
    const done = h('span', 'fin ')
    const tree = h('p', { lang: 'fr' }, ['début ', done, '; suite'])
    rehypeFrenchTypography({ lang: 'fr', done: new Set([done]) })(tree)
    expect(texts(tree)).toEqual(['début ', 'fin ', '; suite'])
    // Walked, the span would have given its space to the semicolon.
    const walked = h('p', { lang: 'fr' }, ['début ', h('span', 'fin '), '; suite'])
    rehypeFrenchTypography({ lang: 'fr' })(walked)
    expect(texts(walked)).toEqual(['début ', 'fin', '\u202F; suite'])
  })
})

describe('cleanCopy with shared elements', () => {
  it('keeps a shared subtree as the very same objects and copies the rest', () => {
    const article = h('article', [h('p', ['texte ', h('a', { href: 'https://example.org/' }, 'lien')])])
    const nav = h('nav', [h('a', { href: '../' }, 'Tous')])
    const copy = cleanCopy([nav, h('main', [article])], new Set([article]))!
    expect(copy).toBeDefined()
    expect(copy[0]).not.toBe(nav)
    expect(((copy[1] as Element).children[0])).toBe(article)
  })

  it.each([
    ['a script', h('script', 'alert(1)')],
    ['a javascript: link', h('a', { href: 'javascript:alert(1)' }, 'x')],
    ['an event handler', h('p', { onClick: 'alert(1)' }, 'x')],
    ['a comment', { type: 'comment', value: 'x' } as unknown as ElementContent],
  ])('still refuses %s inside a shared subtree', (_, bad) => {
    const article = h('article', [h('p', 'ok'), h('div', [bad])])
    expect(cleanCopy([h('main', [article])], new Set([article]))).toBeUndefined()
  })
})

describe('a rendered article placed in its page and its Markdown', () => {
  it('is not edited, and gives the page and Markdown of a second full walk (every bundled event, both languages)', async () => {
    const { corpus } = await bundled()
    for (const { record } of corpus.events) {
      for (const lang of ['en', 'fr'] as const) {
        const rendered = await article(record.id, lang)
        const before = JSON.stringify(rendered.article)
        const options: DocumentOptions = { lang, title: 't', description: 'd', canonical: 'https://example.org/', alternates: [], body: [h('main', [rendered.article])] }
        const page = toDocument({ ...options, typographed: new Set([rendered.article]) })
        const markdown = articleMarkdown(rendered.article)
        expect(JSON.stringify(rendered.article), `${record.id} ${lang}`).toBe(before)
        // The old way: the article walked again whole, on a copy so that the rendered one stays as it is.
        const walked = structuredClone(rendered.article)
        rehypeFrenchTypography({ lang })(walked)
        expect(page, `${record.id} ${lang}`).toBe(toDocument({ ...options, body: [h('main', [walked])] }))
        expect(markdown, `${record.id} ${lang}`).toBe(articleMarkdown(walked))
        if (lang === 'fr') expect(page).toMatch(/\u202F[;!?»]|\u00A0:/)
      }
    }
  })
})
