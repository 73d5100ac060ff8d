// A profile's schema errors, from ajv (a compiled or a standalone validator), as JSON pointers and messages.

/** ajv's errors (from a compiled or a standalone validator) as JSON pointers and messages. */
export function describeErrors(errors: ReadonlyArray<{ instancePath: string; keyword: string; message?: string | undefined; params: Record<string, unknown> }>): Array<{ pointer: string; message: string }> {
  return errors.map((error) => {
    let message = error.message ?? 'is invalid'
    if (error.keyword === 'additionalProperties') message = `has unknown field \`${String(error.params['additionalProperty'])}\``
    else if (error.keyword === 'enum') message += `: ${(error.params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`
    return { pointer: error.instancePath, message }
  })
}
