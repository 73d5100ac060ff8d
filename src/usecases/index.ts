// The use cases: everything the command line does, as plain functions over the stages. `cli/` parses arguments,
// calls one of these and formats its result; `src/index.ts` exports them, so a program can do the same.
export { type AlignInput, type AlignOptions, type AlignResult, alignDocuments, localeOf } from './align.js'
export { type BuildPolicyOptions, type BuildPolicyResult, buildPolicy } from './build.js'
export { type CheckOptions, type CheckResult, acceptFindings, checkPolicy } from './check.js'
export { type ConfirmOptions, confirmTranslation } from './confirm.js'
export { type DiffOptions, diffPolicy } from './diff.js'
export { type BatchResult, type BatchSink, type EvalResult, evalBatch, evalProfile, isBatch, loadPolicyEngine, reportLanguage } from './eval.js'
export { type ImportOptions, type ImportResult, importDocument } from './import.js'
export { type InitOptions, type InitResult, initPolicy } from './init.js'
export { type Bump, type ReleasePolicyResult, releasePolicy } from './release.js'
export { type RenderOptions, type RenderResult, renderDocs } from './render.js'
export { type TestRun, testPolicy } from './test.js'
