// A language without a language pack: the checks that read a language's words are skipped for it, and every output
// says so (text, JSON, SARIF), rather than guess and report false errors.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CHECKS, skippedChecks } from '../../src/align/checks/index.js'
import { ROOT, put, run, tempProject } from '../helpers.js'

const CORPUS = join(ROOT, 'test/fixtures/corpus/mozilla-legal-docs')

describe('a language without a pack', () => {
  it('lists the checks that need one, for each language that has none', () => {
    const needing = CHECKS.filter((check) => check.needsLanguage).map((check) => check.id)
    expect(needing).toEqual(expect.arrayContaining(['modality-mismatch', 'untranslated', 'repeated-word']))
    expect(skippedChecks(['en', 'nl', 'xx', 'xx'])).toEqual([{ locale: 'xx', checks: needing }])
    expect(skippedChecks(['en', 'nl'])).toEqual([])
  })

  it('align: an English text given as `xx` is not called untranslated by guessing; text, JSON and SARIF say what was skipped', async () => {
    const root = await tempProject()
    // The "translation" is the reference itself: with a pack this would be untranslated; without one it is not guessed.
    const text = await put(root, 'copy.md', '# T\n\n## Rules\n\nYou must not sell the data of our users to anyone.\n\nYou may keep a copy for yourself.\n')
    const reference = await put(root, 'ref.md', '# T\n\n## Rules\n\nYou must not sell the data of our users to anyone.\n\nYou may keep a copy for yourself.\n')
    const args = ['align', reference, text, '--from', 'en', '--to', 'xx', '--root', root]
    const plain = await run(args, root)
    expect(plain.stderr).toContain('not checked for `xx` (no language pack): ')
    const json = JSON.parse((await run([...args, '--format', 'json'], root)).stdout) as { findings: Array<{ check: string }>; skipped: Array<{ locale: string }> }
    expect(json.findings.map((finding) => finding.check)).not.toContain('untranslated')
    expect(json.skipped.map((entry) => entry.locale)).toEqual(['xx'])
    const sarif = JSON.parse((await run([...args, '--format', 'sarif'], root)).stdout) as { runs: Array<{ invocations: Array<{ toolExecutionNotifications: Array<{ message: { text: string } }> }> }> }
    // A note of what ran, and a warning of what did not.
    expect(sarif.runs[0]!.invocations[0]!.toolExecutionNotifications.map((note) => note.message.text)).toEqual([expect.stringMatching(/^Checked en→xx: missing-clause, /), expect.stringContaining('Not checked for `xx`')])
    expect(plain.stderr).toMatch(/en→xx: 14 of 18 checks ran; not checked for `xx` \(no language pack\): modality-mismatch, polarity-mismatch, untranslated, repeated-word/)
  }, 60_000)

  it('align: with packs on both sides nothing is skipped (en and nl corpus pair)', async () => {
    const result = JSON.parse((await run(['align', join(CORPUS, 'en/pocket_tos.md'), join(CORPUS, 'nl/pocket_tos.md'), '--format', 'json'])).stdout) as { skipped: unknown[] }
    expect(result.skipped).toEqual([])
  }, 60_000)
})
