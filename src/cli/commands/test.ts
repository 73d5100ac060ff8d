// `diptych test`: run the rule tests beside the rules (a profile and the expected status per rule), with coverage.
import { testPolicy } from '../../usecases/test.js'
import { emit } from '../formats/index.js'
import type { CommandContext } from '../io.js'

export async function runTest(context: CommandContext): Promise<number> {
  const run = await testPolicy(context.root, context.policy)
  await emit(context.options['format'], 'test', run, context)
  return run.files.some((file) => file.failures.length > 0) ? 1 : 0
}
