/**
 * A deterministic synthetic corpus for benchmarks: N events, each a valid
 * record with claims, references, prose in both languages and 5–10 French
 * excerpts, built from templates and the seed's vocabulary. The same seed
 * always gives the same bytes.
 */
import { copyFile, mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { stringify } from 'yaml'
import { contentHash } from '../src/record/hash.ts'

/** mulberry32: a tiny, well-known seeded PRNG, so corpora (and generated test inputs) are reproducible. */
export function random(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const places = ['soumpi']
const frenchNumbers = ['zéro', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze', 'treize', 'quatorze', 'quinze', 'seize', 'dix-sept', 'dix-huit', 'dix-neuf', 'vingt']
const months = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre']

export interface SyntheticOptions {
  events: number
  seed?: number
  /** Glossary to copy next to the events (the bundled one by default). */
  glossary?: string
}

export async function generateCorpus(dir: string, options: SyntheticOptions): Promise<void> {
  const next = random(options.seed ?? 2018)
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!
  await mkdir(dir, { recursive: true })
  await copyFile(options.glossary ?? join(import.meta.dirname, '..', 'sources', 'glossary.yaml'), join(dir, 'glossary.yaml'))
  for (let index = 0; index < options.events; index++) {
    const id = `synthetic-attack-${String(index).padStart(5, '0')}`
    const killed = 1 + Math.floor(next() * 20)
    const injured = killed + 1 + Math.floor(next() * 5)
    const strength = 10 * (2 + Math.floor(next() * 6))
    const day = 1 + Math.floor(next() * 28)
    const month = Math.floor(next() * 12)
    const year = 2012 + Math.floor(next() * 10)
    const date = `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`
    const excerptCount = 5 + Math.floor(next() * 6)
    const references = Array.from({ length: excerptCount }, (_, r) => ({
      id: `agence-${r}`,
      publisher: `Agence ${r}`,
      title: `Attaque contre un camp militaire au Mali, au moins ${killed} morts`,
      published: date,
      language: 'fr',
      retrieved: '2023-11-17',
    }))
    const english = `On ${date}, about ${strength} jihadists attacked a Malian army camp, killing ${killed} soldiers and wounding ${injured} [@agence-0].`
    const record = {
      id,
      kind: 'attack',
      slug: { en: `${id}`, fr: `attaque-synthetique-${String(index).padStart(5, '0')}` },
      title: { en: `Synthetic attack ${index}`, fr: `Attaque synthétique ${index}` },
      partOf: 'mali-war',
      date: { start: date, timeZone: 'Africa/Bamako', sources: ['agence-0'] },
      place: [pick(places), 'mali'],
      result: { outcome: 'victory', victors: ['jnim'], sources: ['agence-0'] },
      sides: [
        {
          id: 'malian-forces',
          belligerents: ['mali'],
          casualties: {
            killed: { value: killed, claims: [{ value: killed, sources: references.map((r) => r.id) }] },
            injured: { value: injured, claims: [{ value: injured, sources: ['agence-0'] }, { value: injured - 1, sources: ['agence-1'] }] },
          },
        },
        {
          id: 'jihadists',
          belligerents: ['jnim'],
          strength: { value: strength, qualifier: 'about', claims: [{ value: strength, qualifier: 'about', sources: ['agence-0'] }] },
        },
      ],
      sections: [
        {
          id: 'attack',
          en: { text: english },
          fr: {
            text: `Le ${day === 1 ? '1er' : day} ${months[month]} ${year}, une ${strength === 30 ? 'trentaine' : `quarantaine`} de jihadistes ont attaqué un camp de l'armée malienne : ${killed} soldats ont été tués et ${injured} blessés [@agence-0].`,
            translates: contentHash(english),
            state: 'translated',
          },
        },
      ],
      references,
      related: index > 0 ? [`synthetic-attack-${String(index - 1).padStart(5, '0')}`] : [],
    }
    const eventDir = join(dir, id)
    await mkdir(join(eventDir, 'excerpts'), { recursive: true })
    await writeFile(join(eventDir, 'record.yaml'), stringify(record))
    for (let r = 0; r < excerptCount; r++) {
      const count = next() < 0.5 ? String(killed) : (frenchNumbers[killed] ?? String(killed))
      const body = [
        `Au moins ${count} soldats maliens ont été tués le ${day} ${months[month]} ${year} lors de l'attaque d'un camp militaire.`,
        `Les assaillants, une ${strength === 30 ? 'trentaine' : 'quarantaine'} de jihadistes du GSIM, se sont repliés après les combats.`,
        r === 1 ? `Le bilan fait aussi état de ${injured - 1} blessés.` : `Le bilan fait aussi état de ${injured} blessés.`,
      ].join('\n\n')
      const front = stringify({ id: `${id}-${r}`, reference: `agence-${r}`, kind: 'paraphrase', language: 'fr', published: date })
      await writeFile(join(eventDir, 'excerpts', `agence-${r}.md`), `---\n${front}---\n${body}\n`)
    }
  }
}
