// The folder graph of src/: dependencies point one way (edges → pipeline → domain modules), with no cycles.
import { describe, expect, test } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, normalize, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const SRC = join(dirname(fileURLToPath(import.meta.url)), '../../../src')
const EDGES = ['action', 'cli']
const DOMAIN = ['attest', 'http', 'oci', 'publish', 'sbom', 'sigstore', 'subject', 'verify']
/** Below every domain folder: what all of them share (the coded-error base, GitHub's run claims). */
const FOUNDATION = ['errors', 'github']

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(e =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []
  )
}

const folderOf = (path: string): string => {
  const [top, ...rest] = relative(SRC, path).split('/')
  return rest.length ? top! : '.'
}

/** folder → folder → one importing file, for the message. */
function folderGraph(): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>()
  for (const file of files(SRC)) {
    const from = folderOf(file)
    const text = readFileSync(file, 'utf8')
    for (const m of text.matchAll(/(?:import|export)[^'"]*?from\s+['"](\.[^'"]+)['"]/g)) {
      const to = folderOf(normalize(join(dirname(file), m[1]!)))
      if (to === from) continue
      if (!graph.has(from)) graph.set(from, new Map())
      if (!graph.get(from)!.has(to)) graph.get(from)!.set(to, relative(SRC, file))
    }
  }
  return graph
}

describe('src/ folder graph', () => {
  const graph = folderGraph()

  test('has no cycles between folders', () => {
    const cycles: string[] = []
    const walk = (node: string, path: string[]): void => {
      for (const next of graph.get(node)?.keys() ?? []) {
        if (next === path[0]) cycles.push([...path, next].join(' → '))
        else if (!path.includes(next)) walk(next, [...path, next])
      }
    }
    for (const start of graph.keys()) walk(start, [start])
    expect(cycles).toEqual([])
  })

  test('domain folders never import the pipeline or the edges', () => {
    const wrong: string[] = []
    for (const from of DOMAIN)
      for (const [to, file] of graph.get(from) ?? [])
        if (to === 'pipeline' || EDGES.includes(to)) wrong.push(`${file} imports src/${to}`)
    expect(wrong).toEqual([])
  })

  test('the foundation imports no other folder of src/', () => {
    const wrong: string[] = []
    for (const from of FOUNDATION)
      for (const [to, file] of graph.get(from) ?? []) wrong.push(`${file} imports src/${to}`)
    expect(wrong).toEqual([])
  })

  test('attest and publish need nothing of sigstore but what sits below both (claims, HTTP defaults)', () => {
    const wrong: string[] = []
    for (const file of [...files(join(SRC, 'attest')), ...files(join(SRC, 'publish'))])
      for (const m of readFileSync(file, 'utf8').matchAll(/from\s+['"](\.[^'"]+)['"]/g))
        if (folderOf(normalize(join(dirname(file), m[1]!))) === 'sigstore') wrong.push(relative(SRC, file))
    // cosign's bundle annotation is made from a Rekor entry (cosign-payloads.ts): that one use is sigstore's own.
    expect([...new Set(wrong)]).toEqual(['publish/cosign-payloads.ts'])
  })

  test('the pipeline never imports the edges', () => {
    const wrong = [...(graph.get('pipeline') ?? [])].filter(([to]) => EDGES.includes(to))
    expect(wrong).toEqual([])
  })

  test('the graph is read from real imports', () => {
    // Guards the parser itself: the CLI does use the pipeline, and the pipeline the registry client.
    expect(graph.get('cli')?.has('pipeline')).toBe(true)
    expect(graph.get('pipeline')?.has('oci')).toBe(true)
    // Every folder that throws uses the one base; `subject` holds types only and throws nothing.
    for (const folder of DOMAIN.filter(f => f !== 'subject'))
      expect([folder, graph.get(folder)?.has('errors')]).toEqual([folder, true])
  })
})
