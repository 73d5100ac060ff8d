// What an output format is: a name, a one-line summary, and a renderer for each kind of result it can print.
import type { AlignResult, BuildPolicyResult, CheckResult } from '../../usecases/index.js'
import type { PolicyDiff } from '../../release/diff.js'
import type { ComplianceReport } from '../../report/evaluate.js'
import type { TestRun } from '../../report/rule-tests.js'

/** The result of each command that prints one, by command name. */
export interface Results {
  check: Pick<CheckResult, 'open' | 'accepted' | 'unused' | 'translations' | 'reference' | 'skipped' | 'checks'>
  align: AlignResult
  build: BuildPolicyResult
  test: TestRun
  diff: PolicyDiff
  eval: { report: ComplianceReport; lang: string; locales: readonly string[]; display: string; subject: string; docs: string }
  /** `eval` of several profiles: each report with the input it came from (`display`). */
  evals: { reports: ReadonlyArray<{ report: ComplianceReport; display: string; subject: string }>; lang: string }
}

/** A kind of result: the command that produced it. */
export type ResultKind = keyof Results

/** What a renderer writes: text for stdout, for stderr, or both. */
export interface Rendered {
  stdout?: string
  stderr?: string
}

/** Options every renderer receives. */
export interface RenderOptions {
  color: boolean
  /** `--quiet`: errors only, no summaries (what a command prints on stdout as its result is still printed). */
  quiet: boolean
}

/** A renderer of one kind of result. */
export type Renderer<K extends ResultKind> = (result: Results[K], options: RenderOptions) => Rendered | Promise<Rendered>

/** An output format: `--format <name>`. Heavy renderers are imported lazily inside `render`. */
export interface OutputFormat {
  name: string
  summary: string
  render: { [K in ResultKind]?: Renderer<K> }
}
