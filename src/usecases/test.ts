// Test: run the rule tests beside the rules (a profile and the expected status per rule), with coverage. The runner
// is the report stage's; this is its entry as a use case.
export { type TestRun, runRuleTests as testPolicy } from '../report/rule-tests.js'
