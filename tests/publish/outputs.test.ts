/** The infobox in the outputs CMSs import (Markdown, JSON), and its French capitals. */
import { describe, expect, it } from 'vitest'
import { h } from 'hastscript'
import { toHtml } from 'hast-util-to-html'
import { unified } from 'unified'
import remarkParse from 'remark-parse'
import remarkGfm from 'remark-gfm'
import type { Root, Table } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { articleMarkdown } from '../../src/publish/markdown.ts'
import { infoboxSections } from '../../src/publish/infobox-data.ts'
import { capitalizeCellStarts } from '../../src/publish/capitalize.ts'
import { languages } from '../../src/record/schema.ts'
import { article, infoboxText, leadText } from './render.ts'

const parse = (markdown: string) => unified().use(remarkParse).use(remarkGfm).parse(markdown) as Root

describe('Markdown infobox', () => {
  // Two sides with lists, four sides (Ménaka), losses of people on no side (Sokoura), a date span.
  const shapes = ['soumpi-attack', 'menaka-offensive', 'sokoura-attack-2020', 'boulikessi-battle-2019']

  it('parses back with remark-gfm as a two-column table holding every row, whatever the number of sides', async () => {
    for (const id of shapes) {
      for (const lang of languages) {
        const rendered = await article(id, lang)
        const markdown = articleMarkdown(rendered.article)
        const table = parse(markdown).children.find((node): node is Table => node.type === 'table')
        expect(table, `${id} ${lang}`).toBeDefined()
        const sections = infoboxSections(rendered.infobox)
        const expectedRows = 1 + sections.reduce((total, section) => total + (section.heading === undefined ? 0 : 1) + section.rows.length, 0)
        expect(table!.children.length, `${id} ${lang}`).toBe(expectedRows)
        for (const row of table!.children) expect(row.children.length, `${id} ${lang}: ${toString(row)}`).toBe(2)
      }
    }
  })

  it('joins a cell\'s list inline and labels each side', async () => {
    const markdown = articleMarkdown((await article('soumpi-attack', 'fr')).article)
    const rows = parse(markdown).children.find((node): node is Table => node.type === 'table')!.children.map((row) => row.children.map((cell) => toString(cell)))
    expect(rows[0]).toEqual(['Attaque de Soumpi', ''])
    expect(rows).toContainEqual(['Belligérants', ''])
    expect(rows).toContainEqual(['Camp 2', "Groupe de soutien à l'islam et aux musulmans[5]\u202F; Coalition du peuple pour l'Azawad[4]"])
    expect(rows).toContainEqual(['Conflit', 'Guerre du Mali'])
  })

  it('carries French typography, like the HTML', async () => {
    const markdown = articleMarkdown((await article('soumpi-attack', 'fr')).article)
    expect(markdown).toContain('blessés\u202F; selon elle')
    expect(markdown).toContain("l'assaut\u00A0: ils")
  })
})

describe('JSON infobox', () => {
  it('groups each heading with its rows, each side labelled', async () => {
    const { data } = await article('soumpi-attack', 'en')
    const infobox = data.infobox as { caption: string; sections: Array<{ heading?: string; rows: Array<{ label: string; values: string[] }> }> }
    expect(infobox.caption).toBe('Soumpi attack')
    expect(infobox.sections.map((section) => section.heading)).toEqual([undefined, 'Belligerents', 'Commanders and leaders', 'Strength', 'Casualties and losses'])
    expect(infobox.sections[0]!.rows.map((row) => row.label)).toEqual(['Part of', 'Date', 'Time', 'Location', 'Result'])
    expect(infobox.sections[1]).toEqual({
      heading: 'Belligerents',
      rows: [
        { label: 'Side 1', values: ['Mali'] },
        { label: 'Side 2', values: ["Jama'at Nasr al-Islam wal Muslimin", 'Coalition of the People of Azawad'] },
      ],
    })
    expect(infobox.sections[4]!.rows[0]!.values).toEqual([
      '14 killed',
      '17 (according to an anonymous Malian military source, speaking to Reuters) or 18 (according to the Malian army) injured',
      '6 vehicles lost (according to JNIM)',
    ])
  })

  it('puts the losses of people on no side under the casualties heading', async () => {
    const { data } = await article('sokoura-attack-2020', 'fr')
    const sections = (data.infobox as { sections: Array<{ heading?: string; rows: Array<{ label: string }> }> }).sections
    expect(sections.at(-1)!.heading).toBe('Pertes')
    expect(sections.at(-1)!.rows.map((row) => row.label)).toEqual(['Camp 1', 'Camp 2', 'Civils'])
  })
})

describe('infobox capitals', () => {
  it('capitalizes the start of French cells and list items, never inside them, nor a citation or a foreign span', () => {
    const table = h('table', [
      h('tr', [h('th', 'civils'), h('td', [h('span', 'guerre du Mali'), ' et la guerre'])]),
      h('tr', [h('td', h('ul', [h('li', 'environ 30'), h('li', [h('sup', { className: ['citation'] }, 'x'), 'après'])]))]),
      h('tr', [h('td', [h('span', { lang: 'en' }, 'al-Qaeda'), ' liés'])]),
    ])
    capitalizeCellStarts(table, { lang: 'fr', cells: true })
    expect(toHtml(table)).toBe(
      '<table><tr><th>Civils</th><td><span>Guerre du Mali</span> et la guerre</td></tr><tr><td><ul><li>Environ 30</li><li><sup class="citation">x</sup>après</li></ul></td></tr><tr><td><span lang="en">al-Qaeda</span> liés</td></tr></table>',
    )
  })

  it('applies to the French infobox only; running text keeps its lowercase', async () => {
    expect(await infoboxText('soumpi-attack', 'fr')).toContain('ConflitGuerre du Mali')
    expect(await infoboxText('soumpi-attack', 'fr')).toContain('Environ 30')
    expect(await leadText('soumpi-attack', 'fr')).toContain('pendant la guerre du Mali.')
    expect(await infoboxText('mondoro-attack-2022', 'fr')).toContain('Jihadistes liés à Al-Qaïda')
    expect(await infoboxText('soumpi-attack', 'en')).toContain('around 4:00 a.m.')
  })

  it('capitalizes row labels in both languages', async () => {
    expect(await infoboxText('sokoura-attack-2020', 'en')).toContain('Civilians')
    expect(await infoboxText('sokoura-attack-2020', 'fr')).toContain('Civils')
  })
})
