// The layers of diptych, on one page: which folder of src/ may import which. test/architecture.test.ts runs this
// file on src/ (so `npm test` fails on a cycle or an upward import); `npx depcruise src` runs it by hand.
//
// From the bottom up (a layer imports only layers below it, and its own folder):
//
//   diagnostics                 one message type, fail/warn: imports nothing of ours
//   util                        files, JSON, limits, sequences
//   text                        the shared text model: blocks, normalising, hashing, lead-ins, aligning block sequences
//   languages, modality         per-language data (one pack a language, one registry) | the modality classifier
//   project                     the file system: every artefact's name and path, the manifest, locks, published schemas
//   ingest | align              text in (raw text, Markdown, IDs, re-import) | locale diff checks of two texts
//   catalogue                   the clause catalogue (built from the locale Markdown ingest parses)
//   dsl                         rules → AST → checked AST → JS predicates (checks clause IDs against the catalogue)
//   report | release            compliance reports | diff, changelog, releases
//   render                      docs and report pages
//   usecases                    import, build, check, test, eval, release, render, diff, align, confirm: plain functions
//   cli                         arguments → one use case → formatted result; only src/index.ts (and bin/) import it
//                               (cli/commands see only usecases/index.ts and the plumbing; cli/formats also the renderers)
//
// src/index.ts is the public API and may re-export anything.

/** A layer: its folder, and the folders below it that it may import. */
const LAYERS = {
  diagnostics: [],
  util: ['diagnostics'],
  text: ['util', 'diagnostics'],
  languages: ['text', 'util', 'diagnostics'],
  modality: ['languages', 'text', 'util', 'diagnostics'],
  project: ['util', 'diagnostics'],
  ingest: ['project', 'modality', 'languages', 'text', 'util', 'diagnostics'],
  align: ['project', 'modality', 'languages', 'text', 'util', 'diagnostics'],
  catalogue: ['ingest', 'project', 'modality', 'languages', 'text', 'util', 'diagnostics'],
  dsl: ['catalogue', 'project', 'languages', 'text', 'util', 'diagnostics'],
  report: ['dsl', 'catalogue', 'project', 'languages', 'text', 'util', 'diagnostics'],
  release: ['dsl', 'catalogue', 'project', 'languages', 'text', 'util', 'diagnostics'],
  render: ['report', 'dsl', 'catalogue', 'ingest', 'project', 'languages', 'text', 'util', 'diagnostics'],
  usecases: ['render', 'report', 'release', 'dsl', 'catalogue', 'ingest', 'align', 'project', 'modality', 'languages', 'text', 'util', 'diagnostics'],
}

/** Why each layer is kept to what is below it. */
const WHY = {
  diagnostics: 'every layer reports through diagnostics, so it can depend on none of them',
  util: 'util is generic plumbing (files, JSON, limits): it knows no stage',
  text: 'the text model is shared by ingest, align and catalogue, so it must not know any of them (it was split over those three folders, which imported each other in circles)',
  languages: 'per-language data is plain data over the text model; stages read it, never the other way',
  modality: 'modality classifies a block of text; it reads the text model and the lexicons, not the stages that call it',
  project: 'the project module is the file system: stages ask it for paths and files, it never calls a stage',
  ingest: 'ingest turns text into blocks with IDs; the aligner and hashing it needs are in text, the locks in project',
  align: 'the locale diff checks compare two parsed texts; parsing (ingest) and the catalogue are their callers, not their dependencies',
  catalogue: 'the catalogue is built from the locale Markdown; rules, reports and releases are built on it, not under it',
  dsl: 'the rule language reads the catalogue (clause IDs) and the project files; reports, releases and docs use it',
  report: 'compliance reports run the compiled rules; releases, docs and the CLI present them',
  release: 'a release stores built artefacts; it does not render or report',
  render: 'rendering is the last stage: it formats what the stages produced',
  usecases: 'a use case runs the stages in order for one command; the command line and programs call use cases, never the other way',
}

const forbidden = [
  {
    name: 'no-circular',
    comment: 'An import cycle ties folders (or files) into one unit that cannot be understood, tested or moved on its own.',
    severity: 'error',
    from: { path: '^src/' },
    to: { circular: true },
  },
  {
    name: 'no-import-of-cli',
    comment: 'cli/ only parses arguments, calls a use case and formats its result; nothing below may depend on it. Only the public API (src/index.ts) re-exports main, and bin/ calls it.',
    severity: 'error',
    from: { path: '^src/', pathNot: '^src/(cli/|index\\.ts$)' },
    to: { path: '^src/cli/' },
  },
  {
    name: 'commands-call-use-cases',
    comment: 'A command parses its arguments, calls one use case (src/usecases/<command>.ts, imported alone so a command loads only its stages) and formats the result with cli/formats: the stages are the use cases\' business, so a program calling the use cases can do everything the CLI does.',
    severity: 'error',
    from: { path: '^src/cli/', pathNot: '^src/cli/formats/' },
    // project/config.ts: which policy a command works on when --policy is not given (the project's config file).
    to: { path: '^src/', pathNot: '^src/(cli/|usecases/|diagnostics/|util/|project/paths\\.ts$|project/config\\.ts$)' },
  },
  {
    name: 'no-import-of-index',
    comment: 'src/index.ts is the public API, the top of the tree: modules import each other directly, never through it.',
    severity: 'error',
    from: { path: '^src/', pathNot: '^src/index\\.ts$' },
    to: { path: '^src/index\\.ts$' },
  },
  {
    name: 'no-unknown-folder',
    comment: 'Every folder of src/ is a layer named in this file; a new folder takes its place here first.',
    severity: 'error',
    from: { path: '^src/', pathNot: `^src/(index\\.ts$|cli/|${Object.keys(LAYERS).join('/|')}/)` },
    to: {},
  },
  ...Object.entries(LAYERS).map(([layer, below]) => ({
    name: `${layer}-imports-only-below`,
    comment: `${layer}/ may import ${below.length > 0 ? below.join(', ') : 'nothing of ours'}: ${WHY[layer]}.`,
    severity: 'error',
    from: { path: `^src/${layer}/` },
    to: { path: '^src/', pathNot: `^src/(${[layer, ...below].join('|')})/` },
  })),
]

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden,
  options: {
    // Type-only imports count: a cycle through types is still a cycle of meaning.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules)/' },
    moduleSystems: ['es6'],
  },
}
