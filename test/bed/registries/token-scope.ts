// Docker token scopes ("repository:org/name:pull,push") and the bed's policy for what each caller gets.
export interface Access {
  type: string
  name: string
  actions: string[]
}

/** Splits on the first and last colon: names may hold a host:port ("repository:localhost:5000/a:pull"). */
export function parseScope(scope: string): Access | undefined {
  const first = scope.indexOf(':')
  const last = scope.lastIndexOf(':')
  if (first <= 0 || last === first) return undefined
  const actions = scope
    .slice(last + 1)
    .split(',')
    .map(a => a.trim())
    .filter(Boolean)
  return { type: scope.slice(0, first), name: scope.slice(first + 1, last), actions }
}

export function parseScopes(values: string[]): Access[] {
  return values
    .flatMap(v => v.split(' '))
    .filter(Boolean)
    .map(parseScope)
    .filter((a): a is Access => a !== undefined)
}

/** A signed-in user gets what it asks; an anonymous caller only pull on repositories under `publicPrefix`. */
export function grant(user: string | undefined, requested: Access[], publicPrefix: string): Access[] {
  return requested
    .map(scope => {
      if (user) return scope
      const isPublic = scope.type === 'repository' && scope.name.startsWith(publicPrefix)
      return { ...scope, actions: isPublic ? scope.actions.filter(a => a === 'pull') : [] }
    })
    .filter(a => a.actions.length > 0)
}
