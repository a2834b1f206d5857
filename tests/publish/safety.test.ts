/** Bad words and bad content: a missing locale key fails the build by name; markup in a record never reaches a page as markup. */
import { describe, expect, it } from 'vitest'
import { cp, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fromHtml } from 'hast-util-from-html'
import { visit } from 'unist-util-visit'
import type { Element } from 'hast'
import { runCli } from '../cli-harness.ts'

/** A copy of sources/ and locales/ in a fresh folder, used as the working directory. */
async function project(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'passerelle-safety-'))
  await cp(join(process.cwd(), 'sources'), join(root, 'sources'), { recursive: true })
  await cp(join(process.cwd(), 'locales'), join(root, 'locales'), { recursive: true })
  return root
}

async function editJson(path: string, edit: (value: Record<string, Record<string, string>>) => void) {
  const value = JSON.parse(await readFile(path, 'utf8'))
  edit(value)
  await writeFile(path, JSON.stringify(value, null, 2))
}

const build = (root: string) => runCli(['build', '--out', join(root, 'dist'), '--no-cache', '--quiet'], { cwd: root })

describe('a missing locale key', () => {
  it.each(['en', 'fr'])('in %s only fails the build, names the key and the file, and writes nothing', async (lang) => {
    const root = await project()
    await editJson(join(root, 'locales', lang, 'publish.json'), (value) => delete value.infobox!.casualties)
    const result = await build(root)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`locales/${lang}/publish.json`)
    expect(result.stderr).toContain(`Missing translation \`infobox.casualties\` (namespace \`publish\`, language \`${lang}\`)`)
    expect(result.stderr).toContain('nothing was written')
    expect(existsSync(join(root, 'dist'))).toBe(false)
  })

  it('in both languages fails where a page would use it', async () => {
    const root = await project()
    for (const lang of ['en', 'fr']) await editJson(join(root, 'locales', lang, 'publish.json'), (value) => delete value.references!.heading)
    const result = await build(root)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/locales\/en\/publish\.json[^]*Missing translation `references\.heading` \(namespace `publish`, language `en`\)/)
    expect(result.stderr).toMatch(/locales\/fr\/publish\.json[^]*Missing translation `references\.heading` \(namespace `publish`, language `fr`\)/)
    expect(result.stderr).not.toMatch(/\n\s+at /)
    expect(existsSync(join(root, 'dist'))).toBe(false)
  })
})

describe('markup in content', () => {
  const attack = ['<script>alert(1)</script>', '<img src=x onerror=alert(2)>', '[click](javascript:alert(3))', '<a href="javascript:alert(4)">x</a>', '<b onclick="alert(5)">bold</b>']

  it('never reaches a written page as markup', async () => {
    const root = await project()
    const record = join(root, 'sources', 'soumpi-attack', 'record.yaml')
    let yaml = await readFile(record, 'utf8')
    const inline = attack.join(' ').replace(/"/g, '\\"')
    yaml = yaml
      .replace('title: { en: Soumpi attack, fr: Attaque de Soumpi }', `title: { en: "Soumpi attack </title><script>alert(6)</script>", fr: "Attaque de Soumpi <img src=x onerror=alert(7)>" }`)
      .replace('jihadists [@le-point].', `jihadists [@le-point]. ${inline}`)
      .replace('avec les jihadistes [@le-point].', `avec les jihadistes [@le-point]. ${inline}`)
      .replace('fr: l\'armée malienne\n', `fr: "l'armée malienne <script>alert(8)</script>"\n`)
      .replace('    publisher: CSIS\n', '    publisher: "CSIS <iframe src=javascript:alert(9)>"\n')
    for (const mark of ['alert(6)', 'alert(7)', 'alert(8)', 'alert(9)']) expect(yaml).toContain(mark)
    expect(yaml.split('alert(1)')).toHaveLength(3)
    await writeFile(record, yaml)
    // Excerpts are not published, but an excerpt full of markup must not break the build or leak either.
    const excerpt = join(root, 'sources', 'soumpi-attack', 'excerpts', 'dakaractu.md')
    await writeFile(excerpt, (await readFile(excerpt, 'utf8')) + `\n${attack.join('\n\n')}\n`)

    const result = await build(root)
    expect(result.stderr).not.toMatch(/\n\s+at /)
    expect(result.code).toBe(0)
    for (const path of ['en/soumpi-attack/index.html', 'fr/attaque-de-soumpi/index.html', 'en/index.html', 'fr/index.html']) {
      const html = await readFile(join(root, 'dist', path), 'utf8')
      const tree = fromHtml(html)
      const scripts: Element[] = []
      visit(tree, 'element', (node: Element) => {
        expect(['img', 'iframe', 'object', 'embed'], `${path}: <${node.tagName}>`).not.toContain(node.tagName)
        if (node.tagName === 'script') scripts.push(node)
        for (const [name, value] of Object.entries(node.properties)) {
          expect(name.toLowerCase().startsWith('on'), `${path}: ${node.tagName}[${name}]`).toBe(false)
          expect(String(value).toLowerCase(), `${path}: ${node.tagName}[${name}]`).not.toContain('javascript:')
        }
      })
      // Only the JSON-LD, which still parses, with the hostile title as plain data.
      expect(scripts.map((script) => script.properties.type)).toEqual(path.includes('soumpi') || path.includes('attaque') ? ['application/ld+json'] : [])
      for (const script of scripts) expect(() => JSON.parse((script.children[0] as { value: string }).value)).not.toThrow()
    }
    const en = await readFile(join(root, 'dist', 'en/soumpi-attack/index.html'), 'utf8')
    // The hostile title is shown as text, escaped.
    expect(en).toContain('<h1>Soumpi attack &#x3C;/title>&#x3C;script>alert(6)&#x3C;/script></h1>')
    const fr = await readFile(join(root, 'dist', 'fr/attaque-de-soumpi/index.html'), 'utf8')
    expect(fr).toContain("(selon l'armée malienne &#x3C;script>alert(8)&#x3C;/script>)")
    expect(await readdir(join(root, 'dist'))).toContain('sitemap.xml')
  })
})
