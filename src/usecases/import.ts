// Import: read a policy text (raw or Markdown) in one language and write it as the policy's canonical locale file,
// with IDs shared by every language. The work is the ingest stage's; this is its entry as a use case.
export { type ImportOptions, type ImportResult, importDocument } from '../ingest/import.js'
