// The locale checks of two texts, through the result cache (util/result-cache.ts): the findings of the same two texts,
// languages, options and glossary, by the same build of diptych, are read back instead of computed again, so that
// `check` and `align` on texts that did not change since the last run skip the alignment and the checks (and `check`
// the parsing). The key is every input of `compareDocuments`: the texts as read (with their file names, which the
// findings cite), the languages, whether IDs pair the blocks, the glossary and the translation's lock basis.
import { type Finding, findingData, findingFromData, isFindingData } from '../align/findings.js'
import type { Glossary } from '../align/glossary.js'
import { resultCache } from '../util/result-cache.js'

/** One text as read: its file name as findings cite it, its format, and its text. */
export interface SourceText {
  display: string
  format: string
  text: string
}

/** Everything the findings of two texts depend on. */
export interface CompareInputs {
  reference: SourceText
  referenceLocale: string
  translation: SourceText
  translationLocale: string
  useIds: boolean
  glossary: Glossary
  basis?: Readonly<Record<string, string>> | undefined
}

const cache = resultCache('compare', isFindingData)

/**
 * The findings of `inputs`: from the cache, or from `compute` (then stored). `compute` may load what it needs (the
 * Markdown parser, the aligner) only then: a command whose texts did not change never loads them.
 */
export async function compareCached(inputs: CompareInputs, compute: () => Finding[] | Promise<Finding[]>): Promise<Finding[]> {
  const key = { ...inputs, basis: inputs.basis ?? {} }
  const stored = cache?.get(key)
  if (stored) return stored.map(findingFromData)
  const findings = await compute()
  cache?.put(key, findings.map(findingData))
  return findings
}
