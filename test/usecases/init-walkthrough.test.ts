// The README's walk-through "A policy of your own", run as written in an empty folder, for English with French and
// English with German: init, import both texts, build, two rules with their facts, a rule test, check, eval, render.
// Every command after `init` finds the policy through the project's diptych.config.json (no --policy).
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { run } from '../helpers.js'

const ENGLISH = `# Acme API terms

## Accounts

- You must keep your password secret.
- You may use the API for personal projects.
- You must not sell data that you receive from the API.
`

const TRANSLATIONS = {
  fr: {
    text: `# Conditions de l’API Acme

## Comptes

- Vous devez garder votre mot de passe secret.
- Vous pouvez utiliser l’API pour des projets personnels.
- Vous ne devez pas vendre les données que vous recevez de l’API.
`,
    messages: ['L’application partage le mot de passe du compte.', 'L’application vend des données reçues de l’API.'],
    violated: 'enfreint (1)',
  },
  de: {
    text: `# Nutzungsbedingungen der Acme-API

## Konten

- Sie müssen Ihr Passwort geheim halten.
- Sie dürfen die API für persönliche Projekte nutzen.
- Sie dürfen keine Daten verkaufen, die Sie über die API erhalten.
`,
    messages: ['Die App gibt das Passwort des Kontos weiter.', 'Die App verkauft Daten, die sie über die API erhält.'],
    violated: 'verletzt (1)',
  },
} as const

/** The rules of the walk-through, with their messages in English and `locale`. */
function rules(locale: keyof typeof TRANSLATIONS): string {
  const [password, selling] = TRANSLATIONS[locale].messages
  return `
rule keep-password-secret {
  implements accounts.keep-password-secret
  must not passwordShared
  message {
    en: "The app shares the account password."
    ${locale}: "${password}"
  }
}

rule no-selling-data {
  implements accounts.sell-data-receive
  must not sellsApiData
  message {
    en: "The app sells data it receives from the API."
    ${locale}: "${selling}"
  }
}
`
}

describe('a policy of your own, from an empty folder (the README walk-through)', () => {
  for (const locale of ['fr', 'de'] as const) {
    it(`en+${locale}: init, import, build, rules, test, check, eval, render`, async () => {
      const root = await mkdtemp(join(tmpdir(), 'diptych-init-'))
      const cli = async (...argv: string[]) => run([...argv, '--root', root], root)
      const init = await cli('init', 'acme', '--reference', 'en', '--locales', `en,${locale}`)
      expect(init.code, init.stderr).toBe(0)
      expect(JSON.parse(await readFile(join(root, 'diptych.config.json'), 'utf8'))).toEqual({ policy: 'acme' })
      // The scaffold builds, checks, tests and renders as it is.
      expect((await cli('build')).code).toBe(0)

      await writeFile(join(root, 'acme.en.md'), ENGLISH)
      await writeFile(join(root, `acme.${locale}.md`), TRANSLATIONS[locale].text)
      expect((await cli('import', 'acme.en.md', '--locale', 'en')).code).toBe(0)
      expect((await cli('import', `acme.${locale}.md`, '--locale', locale)).code).toBe(0)
      const manifest = JSON.parse(await readFile(join(root, 'policy/acme/policy.json'), 'utf8')) as { title: Record<string, string>; sources: Record<string, string> }
      expect(manifest.title['en']).toBe('Acme API terms')
      expect(manifest.sources).toEqual({ en: 'sources/en.md', [locale]: `sources/${locale}.md` })

      // Without rules every normative clause is uncovered: warnings (the scaffold's "coverage"), the kinds kept.
      const build = await cli('build')
      expect(build.code).toBe(0)
      expect(build.stderr).toContain('Uncovered obligation `accounts.keep-password-secret`')
      const catalogue = JSON.parse(await readFile(join(root, 'policy/acme/catalogue.json'), 'utf8')) as { sections: Array<{ clauses: Array<{ id: string; kind: string }> }> }
      expect(catalogue.sections.flatMap((section) => section.clauses.map((clause) => [clause.id, clause.kind]))).toEqual([
        ['accounts.keep-password-secret', 'obligation'],
        ['accounts.use-api-personal', 'permission'],
        ['accounts.sell-data-receive', 'prohibition'],
      ])
      const check = await cli('check')
      expect(check.code, check.stderr).toBe(0)
      expect(check.stderr).toContain(`en→${locale}: all 18 checks ran`)

      // Two rules, their facts in the profile schema, one rule test.
      const schemaPath = join(root, 'policy/acme/profile.schema.json')
      const schema = JSON.parse(await readFile(schemaPath, 'utf8')) as { properties: Record<string, unknown> }
      schema.properties['passwordShared'] = { type: 'boolean', description: 'Whether the app shares the account password with anyone.' }
      schema.properties['sellsApiData'] = { type: 'boolean', description: 'Whether the app sells data it receives from the API.' }
      await writeFile(schemaPath, JSON.stringify(schema, null, 2))
      await writeFile(join(root, 'policy/acme/rules.dip'), `${await readFile(join(root, 'policy/acme/rules.dip'), 'utf8')}${rules(locale)}`)
      await writeFile(
        join(root, 'policy/acme/tests/shares-password.json'),
        JSON.stringify({ description: 'Shares the password, sells nothing', profile: { passwordShared: true, sellsApiData: false }, expect: { 'keep-password-secret': 'violated', 'no-selling-data': 'satisfied' } }),
      )
      const rebuilt = await cli('build')
      expect(rebuilt.code, rebuilt.stderr).toBe(0)
      expect(rebuilt.stderr).toContain('normative clauses covered: 2 of 3')
      const tested = await cli('test')
      expect(tested.code, tested.stderr).toBe(0)
      expect(tested.stderr + tested.stdout).toContain('rule tests: 1 passed, 0 failed')

      // An app judged in the translation's language; the docs rendered.
      await writeFile(join(root, 'app.json'), JSON.stringify({ passwordShared: false, sellsApiData: true }))
      const judged = await cli('eval', 'app.json', '--lang', locale)
      expect(judged.code).toBe(1)
      expect(judged.stdout).toContain(TRANSLATIONS[locale].violated)
      expect(judged.stdout).toContain(TRANSLATIONS[locale].messages[1])
      const rendered = await cli('render', '--out', 'docs')
      expect(rendered.code, rendered.stderr).toBe(0)
      expect(await readFile(join(root, 'docs/index.html'), 'utf8')).toContain('Acme API terms')
    }, 60_000)
  }
})
