import { describe, expect, it } from '@jest/globals'
import { classify, provenanceFacts } from '../../../src/cli/verify.js'

describe('verify report helpers', () => {
  it('classifies predicate types the way the --require names them', () => {
    expect(classify('signature')).toBe('signature')
    expect(classify('https://slsa.dev/provenance/v1')).toBe('provenance')
    expect(classify('https://slsa.dev/provenance/v0.2')).toBe('provenance')
    expect(classify('https://cyclonedx.org/bom')).toBe('sbom')
    expect(classify('https://spdx.dev/Document')).toBe('sbom')
    expect(classify('https://example.com/custom')).toBeUndefined()
  })

  it('names source repository, commit and workflow from v1 and v0.2 predicates', () => {
    expect(
      provenanceFacts({
        buildDefinition: {
          externalParameters: {
            workflow: {
              repository: 'https://github.com/o/r',
              path: '.github/workflows/rel.yml',
              ref: 'refs/tags/v1'
            }
          },
          resolvedDependencies: [{ digest: { gitCommit: 'abc' } }]
        }
      })
    ).toBe('https://github.com/o/r@abc .github/workflows/rel.yml (refs/tags/v1)')
    expect(
      provenanceFacts({
        invocation: {
          configSource: {
            uri: 'git+https://github.com/o/r@refs/tags/v1',
            digest: { sha1: 'abc' },
            entryPoint: 'rel.yml'
          }
        }
      })
    ).toBe('git+https://github.com/o/r@refs/tags/v1@abc rel.yml')
  })
})
