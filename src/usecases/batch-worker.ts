// A worker thread of a batch (batch.ts): loads the policy's engine once, then judges each block of lines it is sent
// and answers with the block's outcome, in the order the blocks came.
import { parentPort, workerData } from 'node:worker_threads'
import { formatOneLine, isDiagnostic } from '../diagnostics/index.js'
import { type WorkerAnswer, type WorkerSetup, judgeBlock } from './batch.js'
import { loadPolicyEngine } from './eval.js'

const setup = workerData as WorkerSetup
const port = parentPort!
const engine = loadPolicyEngine(setup.root, setup.policy)

port.on('message', (block: { first: number; bytes: Uint8Array; tooLong: number[] }) => {
  engine
    .then((loaded) => {
      const bytes = Buffer.from(block.bytes.buffer, block.bytes.byteOffset, block.bytes.byteLength)
      return { outcome: judgeBlock(loaded, { first: block.first, bytes, tooLong: block.tooLong }, setup.display, setup.options) }
    })
    .catch((error: unknown): WorkerAnswer => ({ error: isDiagnostic(error) ? formatOneLine(error) : error instanceof Error ? error.message : String(error) }))
    .then((answer: WorkerAnswer) => port.postMessage(answer))
})
