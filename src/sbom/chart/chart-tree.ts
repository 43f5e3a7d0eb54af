// The chart and its vendored subcharts (`charts/<dir>/` or `charts/<name>-<version>.tgz`, recursively), each
// with its metadata, values and templates, and whether the parent's default values enable it.
import { readChartArchive, type ChartFiles } from './archive.js'
import { parseChartYaml, parseYaml, type ChartDependency, type ChartMeta } from './chart-yaml.js'

export interface ChartNode {
  /** Path in the archive (`gpu-operator`, `gpu-operator/charts/node-feature-discovery`). */
  path: string
  meta: ChartMeta
  values: unknown
  templates: Map<string, string>
  subcharts: ChartNode[]
  /** The parent's Chart.yaml entry for this subchart, when it has one. */
  declaredAs?: ChartDependency
  /** false when the parent's defaults turn it off (its `condition`); the root is true. */
  byDefault: boolean
}

const MAX_DEPTH = 8

/** Values at a dotted path, as Helm reads a dependency's `condition`. */
function lookup(values: unknown, path: string): unknown {
  let node = values
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined
    node = (node as Record<string, unknown>)[part]
  }
  return node
}

/** Helm's rule: the first condition path that holds a boolean decides; none set means enabled. */
export function conditionEnabled(values: unknown, condition: string | undefined): boolean {
  for (const path of (condition ?? '')
    .split(',')
    .map(p => p.trim())
    .filter(Boolean)) {
    const v = lookup(values, path)
    if (typeof v === 'boolean') return v
  }
  return true
}

export function chartTree(files: ChartFiles, where: string, warn: (m: string) => void): ChartNode {
  const roots = new Set(
    [...files.keys()].map(p => p.split('/')[0]!).filter(r => files.has(`${r}/Chart.yaml`))
  )
  if (roots.size !== 1)
    throw new Error(`${where}: the chart layer holds ${roots.size} Chart.yaml files at its top, expected one`)
  return node(files, [...roots][0]!, where, warn, 0, true, undefined)
}

function node(
  files: ChartFiles,
  path: string,
  where: string,
  warn: (m: string) => void,
  depth: number,
  byDefault: boolean,
  declaredAs: ChartDependency | undefined
): ChartNode {
  const meta = parseChartYaml(files.get(`${path}/Chart.yaml`)!.toString('utf8'), `${where} ${path}`)
  for (const p of meta.problems) warn(p)
  let values: unknown = {}
  const valuesFile = files.get(`${path}/values.yaml`) ?? files.get(`${path}/values.yml`)
  if (valuesFile) {
    try {
      values = parseYaml(valuesFile.toString('utf8')) ?? {}
    } catch (err) {
      warn(`${where} ${path}/values.yaml does not parse (${(err as Error).message}); its values are not read`)
    }
  }
  const templates = new Map<string, string>()
  for (const [p, bytes] of files)
    if (p.startsWith(`${path}/templates/`)) templates.set(p.slice(path.length + 1), bytes.toString('utf8'))
  const subcharts: ChartNode[] = []
  if (depth < MAX_DEPTH) {
    const prefix = `${path}/charts/`
    const dirs = new Set<string>()
    for (const p of [...files.keys()]) {
      if (!p.startsWith(prefix)) continue
      const rest = p.slice(prefix.length)
      const dir = rest.split('/')[0]!
      if (rest === `${dir}/Chart.yaml`) dirs.add(dir)
      else if (!rest.includes('/') && rest.endsWith('.tgz')) {
        const inner = readChartArchive(files.get(p)!, `${where} ${p}`)
        for (const [q, b] of inner) files.set(`${prefix}${q}`, b)
        const top = [...inner.keys()].find(q => q.endsWith('/Chart.yaml') && q.split('/').length === 2)
        if (top) dirs.add(top.split('/')[0]!)
      }
    }
    for (const dir of [...dirs].sort()) {
      const sub = parseChartYaml(files.get(`${prefix}${dir}/Chart.yaml`)!.toString('utf8'), `${where} ${dir}`)
      const dep = meta.dependencies.find(d => d.name === sub.name)
      const enabled = byDefault && conditionEnabled(values, dep?.condition)
      subcharts.push(node(files, `${prefix}${dir}`, where, warn, depth + 1, enabled, dep))
    }
  }
  return { path, meta, values, templates, subcharts, ...(declaredAs ? { declaredAs } : {}), byDefault }
}
