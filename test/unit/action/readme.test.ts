import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'

interface Declared {
  description?: string
  default?: string
}
const action = parse(readFileSync('action.yml', 'utf8')) as {
  inputs: Record<string, Declared>
  outputs: Record<string, Declared>
}
const readme = readFileSync('README.md', 'utf8')

const squash = (s: string | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim()

/** Rows of the first Markdown table after a heading, as arrays of cells. */
function tableAfter(heading: string): string[][] {
  const start = readme.indexOf(`\n${heading}\n`)
  if (start < 0) throw new Error(`README has no "${heading}" section`)
  const rows: string[][] = []
  for (const line of readme.slice(start + heading.length + 2).split('\n')) {
    if (line.startsWith('|')) {
      rows.push(
        line
          .slice(1, -1)
          .split(/(?<!\\)\|/)
          .map(c => c.trim().replace(/\\\|/g, '|'))
      )
    } else if (rows.length > 0) break
  }
  return rows.slice(2)
}
const unquote = (cell: string | undefined): string => (cell ?? '').replace(/^`(.*)`$/, '$1')

describe('README tables', () => {
  it('list every input of action.yml with its default and description, in order', () => {
    const rows = tableAfter('### Inputs')
    expect(rows.map(r => unquote(r[0]))).toEqual(Object.keys(action.inputs))
    for (const row of rows) {
      const declared = action.inputs[unquote(row[0])]!
      expect([unquote(row[0]), unquote(row[1])]).toEqual([unquote(row[0]), declared.default ?? ''])
      expect([unquote(row[0]), row[2]]).toEqual([unquote(row[0]), squash(declared.description)])
    }
  })

  it('list every output of action.yml with its description, in order', () => {
    const rows = tableAfter('### Outputs')
    expect(rows.map(r => unquote(r[0]))).toEqual(Object.keys(action.outputs))
    for (const row of rows)
      expect([unquote(row[0]), row[1]]).toEqual([
        unquote(row[0]),
        squash(action.outputs[unquote(row[0])]!.description)
      ])
  })
})
