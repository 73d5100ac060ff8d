// Type-check TypeScript files with the project's compiler (its API, in-process), as a consumer of the package would.
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import ts from 'typescript'

/** Options of a strict consumer: ES modules resolved as Node resolves them, no emit, declaration files checked too. */
export const CONSUMER_OPTIONS: ts.CompilerOptions = {
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  noEmit: true,
  skipLibCheck: false,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  types: [],
}

/** Write `files` (path relative to `dir` → text) under `dir`, with a package.json of an ES module package unless given. */
export async function writeFiles(dir: string, files: Record<string, string>): Promise<void> {
  const all = { 'package.json': '{ "type": "module" }\n', ...files }
  for (const [path, text] of Object.entries(all)) {
    await mkdir(dirname(join(dir, path)), { recursive: true })
    await writeFile(join(dir, path), text)
  }
}

/** The program of `roots` (paths relative to `dir`) and its errors, one line each (`file(line,column): message`). */
export function typeCheck(dir: string, roots: string[], options: ts.CompilerOptions = CONSUMER_OPTIONS): { program: ts.Program; errors: string[] } {
  const program = ts.createProgram(
    roots.map((root) => join(dir, root)),
    options,
  )
  const errors = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')
    if (!diagnostic.file || diagnostic.start === undefined) return text
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start)
    return `${diagnostic.file.fileName.slice(dir.length + 1)}(${line + 1},${character + 1}): ${text}`
  })
  return { program, errors }
}

/** The names of the values (not the types) a declaration file exports. */
export function exportedValues(program: ts.Program, file: string): string[] {
  const checker = program.getTypeChecker()
  const source = program.getSourceFile(file)
  const symbol = source && checker.getSymbolAtLocation(source)
  if (!symbol) throw new Error(`${file} is not a module of the program`)
  return checker
    .getExportsOfModule(symbol)
    .filter((exported) => (exported.flags & ts.SymbolFlags.Value) !== 0)
    .map((exported) => exported.name)
    .sort()
}
