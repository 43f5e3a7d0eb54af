import { describe, expect, it } from '@jest/globals'
import {
  InvalidReferenceError,
  isLoopbackRegistry,
  parseReference,
  registryBaseUrl
} from '../../../src/oci/index.js'

const D = `sha256:${'a1'.repeat(32)}`
const D512 = `sha512:${'b2'.repeat(64)}`

describe('parseReference normalises', () => {
  it.each([
    ['alpine', 'index.docker.io', 'library/alpine', 'latest', undefined],
    ['docker.io/alpine:3.20', 'index.docker.io', 'library/alpine', '3.20', undefined],
    ['index.docker.io/bitnami/redis', 'index.docker.io', 'bitnami/redis', 'latest', undefined],
    ['registry-1.docker.io/library/busybox:1', 'index.docker.io', 'library/busybox', '1', undefined],
    ['nvidia/gpu-operator:v24.9.0', 'index.docker.io', 'nvidia/gpu-operator', 'v24.9.0', undefined],
    ['nvcr.io/nvidia/gpu-operator:v24.9.0', 'nvcr.io', 'nvidia/gpu-operator', 'v24.9.0', undefined],
    [`ghcr.io/org/app@${D}`, 'ghcr.io', 'org/app', undefined, D],
    [`ghcr.io/org/app:1.0@${D}`, 'ghcr.io', 'org/app', '1.0', D],
    [`ghcr.io/org/app@${D512}`, 'ghcr.io', 'org/app', undefined, D512],
    ['localhost:5000/a/b/c:v1', 'localhost:5000', 'a/b/c', 'v1', undefined],
    ['localhost/app', 'localhost', 'app', 'latest', undefined],
    ['127.0.0.1:5101/x_y.z__w-v--u:t', '127.0.0.1:5101', 'x_y.z__w-v--u', 't', undefined],
    ['[::1]:5000/app:1', '[::1]:5000', 'app', '1', undefined],
    ['GHCR.IO/org/app', 'ghcr.io', 'org/app', 'latest', undefined],
    ['ghcr.io/org/app:_under.score-1', 'ghcr.io', 'org/app', '_under.score-1', undefined]
  ])('%s', (input, registry, repository, tag, digest) => {
    const ref = parseReference(input)
    expect([ref.registry, ref.repository, ref.tag, ref.digest]).toEqual([registry, repository, tag, digest])
  })

  it('prints registry/repository[:tag][@digest] and re-parses to the same reference', () => {
    const ref = parseReference(`ghcr.io/org/app:1.0@${D}`)
    expect(ref.toString()).toBe(`ghcr.io/org/app:1.0@${D}`)
    expect(ref.repoString()).toBe('ghcr.io/org/app')
    expect(ref.identifier).toBe(D)
    expect(parseReference(ref.toString())).toEqual(ref)
    expect(parseReference('alpine').toString()).toBe('index.docker.io/library/alpine:latest')
    expect(ref.withDigest(D512).toString()).toBe(`ghcr.io/org/app@${D512}`)
    expect(ref.withTag('sha256-abc.sig').identifier).toBe('sha256-abc.sig')
  })
})

describe('parseReference rejects, saying what is wrong', () => {
  it.each([
    ['', /is empty/],
    ['ghcr.io/Foo/bar:1', /"ghcr.io\/Foo\/bar:1": repository "Foo\/bar" must be lower case/],
    ['Foo/bar', /repository "Foo\/bar" must be lower case/],
    ['https://ghcr.io/org/app', /remove the URL scheme/],
    ['ghcr.io/org/app:', /the tag after ":" is empty/],
    ['ghcr.io/org/app:-bad', /tag "-bad" may contain only/],
    ['ghcr.io/org/app:.bad', /tag ".bad"/],
    [`ghcr.io/org/app:${'t'.repeat(129)}`, /129 characters long; the limit is 128/],
    ['ghcr.io/org/app@sha256:abc', /sha256 needs 64 hex characters, got 3/],
    [`ghcr.io/org/app@sha256:${'A'.repeat(64)}`, /lower-case/],
    [`ghcr.io/org/app@md5:${'a'.repeat(32)}`, /algorithm "md5"; only sha256 and sha512/],
    [`ghcr.io/org/app@sha512:${'a'.repeat(64)}`, /sha512 needs 128 hex characters, got 64/],
    ['ghcr.io/org/app@', /must look like sha256:/],
    [`ghcr.io/org/app@${D}@${D}`, /more than one "@"/],
    ['ghcr.io/org//app', /empty path component/],
    ['ghcr.io/org/app/', /empty path component/],
    ['ghcr.io/', /repository name is missing/],
    ['ghcr.io', /looks like a registry host; add the repository/],
    ['ghcr.io/org/-app', /component "-app" may contain only/],
    ['ghcr.io/org/app_', /component "app_"/],
    ['ghcr.io/org/a___b', /component "a___b"/],
    ['ghcr.io:99999/org/app', /port 99999 is out of range/],
    ['bad_host.io/org/app', /registry "bad_host.io" is not a valid host/],
    ['ghcr.io/org/app name', /whitespace/],
    [`ghcr.io/${'a'.repeat(250)}`, /longer than 255/]
  ])('%s', (input, message) => {
    let thrown: unknown
    try {
      parseReference(input)
    } catch (err) {
      thrown = err
    }
    expect(thrown).toBeInstanceOf(InvalidReferenceError)
    expect((thrown as InvalidReferenceError).code).toBe('INVALID_REFERENCE')
    expect((thrown as Error).message).toContain(`"${input}"`)
    expect((thrown as Error).message).toMatch(message)
  })
})

describe('scheme choice', () => {
  it('speaks plain HTTP to loopback registries and listed insecure ones only', () => {
    expect(
      ['localhost', 'localhost:5000', '127.0.0.1:5101', '127.1.2.3', '[::1]:5000'].every(isLoopbackRegistry)
    ).toBe(true)
    expect(['ghcr.io', '127.0.0.1.nip.io', 'localhost.example.com:5000'].some(isLoopbackRegistry)).toBe(false)
    expect(registryBaseUrl('127.0.0.1:5101')).toBe('http://127.0.0.1:5101')
    expect(registryBaseUrl('ghcr.io')).toBe('https://ghcr.io')
    expect(registryBaseUrl('index.docker.io')).toBe('https://registry-1.docker.io')
    expect(registryBaseUrl('registry.lan:5000', ['registry.lan:5000'])).toBe('http://registry.lan:5000')
  })
})
