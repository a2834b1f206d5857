import { describe, expect, it } from 'vitest'
import { toHtml } from 'hast-util-to-html'
import { prose } from '../../src/publish/sections.ts'

const html = (markdown: string, lang: 'en' | 'fr') => toHtml(prose(markdown, new Map() as never, lang))

describe('foreign-language spans in prose', () => {
  it('marks an English quotation inside French prose with lang="en"', () => {
    const out = html(
      "Le porte-parole de l'état-major a déclaré aux journalistes présents à Bamako : « The situation in the north is under control and the attackers have withdrawn. » Il n'a donné aucun bilan.",
      'fr',
    )
    expect(out).toMatch(/<span lang="en">[^<]*The situation in the north is under control and the attackers have withdrawn\.[^<]*<\/span>/)
    expect(out).toContain("Il n'a donné aucun bilan.")
    expect(out.match(/lang="/g)).toHaveLength(1)
  })

  it('marks a French sentence left in English prose with lang="fr"', () => {
    const out = html(
      'The army released a statement on Sunday evening. Le bilan provisoire fait état de quatorze morts et de dix-huit blessés dans les rangs de l\'armée. No group has claimed the attack yet.',
      'en',
    )
    expect(out).toMatch(/<span lang="fr">Le bilan provisoire fait état de quatorze morts et de dix-huit blessés dans les rangs de l'armée\.\s*<\/span>/)
  })

  it('leaves prose in its own language alone, names and acronyms included', () => {
    const french =
      "Le Groupe de soutien à l'islam et aux musulmans (GSIM, ou JNIM selon son acronyme arabe) est né en 2017 de l'union de cinq groupes jihadistes. Jama'at Nasr al-Islam wal Muslimin a revendiqué l'attaque."
    expect(html(french, 'fr')).not.toContain('lang=')
    const english = 'The military camp at Soumpi came under attack on the morning of January 27, at about 4 a.m. local time.'
    expect(html(english, 'en')).not.toContain('lang=')
  })
})
