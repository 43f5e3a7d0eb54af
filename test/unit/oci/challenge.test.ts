import { describe, expect, it } from '@jest/globals'
import { parseChallenges, repositoryScope } from '../../../src/oci/index.js'

describe('parseChallenges', () => {
  it('reads a docker bearer challenge with quoted values containing commas', () => {
    expect(
      parseChallenges(
        'Bearer realm="https://auth.example.com/token",service="registry.example.com",scope="repository:a/b:pull,push"'
      )
    ).toEqual([
      {
        scheme: 'bearer',
        params: {
          realm: 'https://auth.example.com/token',
          service: 'registry.example.com',
          scope: 'repository:a/b:pull,push'
        }
      }
    ])
  })

  it('reads several challenges in one header, spaces around "=", unquoted values and escapes', () => {
    expect(
      parseChallenges(
        'Basic realm="Registry \\"Realm\\"", Bearer realm = "https://t/x", error=insufficient_scope'
      )
    ).toEqual([
      { scheme: 'basic', params: { realm: 'Registry "Realm"' } },
      { scheme: 'bearer', params: { realm: 'https://t/x', error: 'insufficient_scope' } }
    ])
  })

  it('keeps a scheme without parameters and lower-cases names', () => {
    expect(parseChallenges('BASIC')).toEqual([{ scheme: 'basic', params: {} }])
    expect(parseChallenges('Bearer Realm="r"')[0]!.params).toEqual({ realm: 'r' })
    expect(parseChallenges('')).toEqual([])
  })
})

describe('repositoryScope', () => {
  it('asks pull for reads and pull,push for writes', () => {
    expect(repositoryScope('org/app', 'pull')).toBe('repository:org/app:pull')
    expect(repositoryScope('org/app', 'push')).toBe('repository:org/app:pull,push')
  })
})
