// Expected values are Syft v1.57.0's output (cyclonedx-json, `cpe` then the `syft:cpe23` properties) on the
// same fixture packages: bench/sbom/metadata.ts prints the comparison for every fixture.
import { describe, expect, it } from '@jest/globals'
import { cpeField, generateCpes } from '../../../../src/sbom/catalogers/cpe.js'
import type { Package } from '../../../../src/sbom/catalogers/types.js'

const pkg = (p: Partial<Package> & Pick<Package, 'name' | 'version' | 'type'>): Package => ({
  purl: '',
  foundBy: 'test',
  locations: ['/x'],
  ...p
})

describe('CPE generation', () => {
  it('quotes CPE punctuation but not "-", "." or "_"', () => {
    expect(cpeField('2.36-9+deb12u14')).toBe('2.36-9\\+deb12u14')
    expect(cpeField('1:2.38.1-5~deb12u3')).toBe('1\\:2.38.1-5\\~deb12u3')
    expect(cpeField('')).toBe('*')
  })

  it('dpkg: the name as vendor and product, the version quoted', () => {
    expect(generateCpes(pkg({ name: 'libc6', version: '2.36-9+deb12u14', type: 'deb' }))).toEqual([
      'cpe:2.3:a:libc6:libc6:2.36-9\\+deb12u14:*:*:*:*:*:*:*'
    ])
  })

  it('apk: delimiter variations and sub-selections in Syft order', () => {
    const p = pkg({
      name: 'alpine-baselayout-data',
      version: '3.6.5-r0',
      type: 'apk',
      downloadUrl: 'https://git.alpinelinux.org/cgit/aports/tree/main/alpine-baselayout'
    })
    expect(generateCpes(p)).toEqual([
      'cpe:2.3:a:alpine-baselayout-data:alpine-baselayout-data:3.6.5-r0:*:*:*:*:*:*:*',
      'cpe:2.3:a:alpine-baselayout-data:alpine_baselayout_data:3.6.5-r0:*:*:*:*:*:*:*',
      'cpe:2.3:a:alpine_baselayout_data:alpine-baselayout-data:3.6.5-r0:*:*:*:*:*:*:*',
      'cpe:2.3:a:alpine_baselayout_data:alpine_baselayout_data:3.6.5-r0:*:*:*:*:*:*:*',
      'cpe:2.3:a:alpine-baselayout:alpine-baselayout-data:3.6.5-r0:*:*:*:*:*:*:*',
      'cpe:2.3:a:alpine-baselayout:alpine_baselayout_data:3.6.5-r0:*:*:*:*:*:*:*',
      'cpe:2.3:a:alpine_baselayout:alpine-baselayout-data:3.6.5-r0:*:*:*:*:*:*:*',
      'cpe:2.3:a:alpine_baselayout:alpine_baselayout_data:3.6.5-r0:*:*:*:*:*:*:*',
      'cpe:2.3:a:alpine:alpine-baselayout-data:3.6.5-r0:*:*:*:*:*:*:*',
      'cpe:2.3:a:alpine:alpine_baselayout_data:3.6.5-r0:*:*:*:*:*:*:*'
    ])
  })

  it('Python: vendors from Author-email as written (quotes and all), with the _project forms', () => {
    const p = pkg({
      name: 'jaraco-context',
      version: '6.1.0',
      type: 'python',
      authorEmail: '"Jason R. Coombs" <jaraco@jaraco.com>'
    })
    const cpes = generateCpes(p)
    const syft = [
      'cpe:2.3:a:\\"jason_r__coombs\\"_\\<jaraco_project:python-jaraco-context:6.1.0:*:*:*:*:*:*:*',
      'cpe:2.3:a:\\"jason_r__coombs\\"_\\<jaraco_project:python_jaraco_context:6.1.0:*:*:*:*:*:*:*',
      'cpe:2.3:a:\\"jason_r__coombs\\"_\\<jaracoproject:python-jaraco-context:6.1.0:*:*:*:*:*:*:*',
      'cpe:2.3:a:\\"jason_r__coombs\\"_\\<jaracoproject:python_jaraco_context:6.1.0:*:*:*:*:*:*:*',
      'cpe:2.3:a:\\"jason_r__coombs\\"_\\<jaraco_project:jaraco-context:6.1.0:*:*:*:*:*:*:*',
      'cpe:2.3:a:\\"jason_r__coombs\\"_\\<jaraco_project:jaraco_context:6.1.0:*:*:*:*:*:*:*',
      'cpe:2.3:a:\\"jason-r--coombs\\"-\\<jaraco:python-jaraco-context:6.1.0:*:*:*:*:*:*:*',
      'cpe:2.3:a:\\"jason-r--coombs\\"-\\<jaraco:python_jaraco_context:6.1.0:*:*:*:*:*:*:*',
      'cpe:2.3:a:\\"jason_r__coombs\\"_\\<jaraco:python-jaraco-context:6.1.0:*:*:*:*:*:*:*',
      'cpe:2.3:a:\\"jason_r__coombs\\"_\\<jaraco:python_jaraco_context:6.1.0:*:*:*:*:*:*:*',
      'cpe:2.3:a:\\"jason_r__coombs\\"_\\<jaracoproject:jaraco-context:6.1.0:*:*:*:*:*:*:*',
      'cpe:2.3:a:\\"jason_r__coombs\\"_\\<jaracoproject:jaraco_context:6.1.0:*:*:*:*:*:*:*',
      'cpe:2.3:a:python-jaraco-context:python-jaraco-context:6.1.0:*:*:*:*:*:*:*',
      'cpe:2.3:a:python-jaraco-context:python_jaraco_context:6.1.0:*:*:*:*:*:*:*',
      'cpe:2.3:a:python_jaraco_context:python-jaraco-context:6.1.0:*:*:*:*:*:*:*',
      'cpe:2.3:a:python_jaraco_context:python_jaraco_context:6.1.0:*:*:*:*:*:*:*',
      'cpe:2.3:a:\\"jason-r--coombs\\"-\\<jaraco:jaraco-context:6.1.0:*:*:*:*:*:*:*',
      'cpe:2.3:a:\\"jason-r--coombs\\"-\\<jaraco:jaraco_context:6.1.0:*:*:*:*:*:*:*',
      'cpe:2.3:a:\\"jason_r__coombs\\"_\\<jaraco:jaraco-context:6.1.0:*:*:*:*:*:*:*',
      'cpe:2.3:a:\\"jason_r__coombs\\"_\\<jaraco:jaraco_context:6.1.0:*:*:*:*:*:*:*',
      'cpe:2.3:a:jaraco-context:python-jaraco-context:6.1.0:*:*:*:*:*:*:*',
      'cpe:2.3:a:jaraco-context:python_jaraco_context:6.1.0:*:*:*:*:*:*:*',
      'cpe:2.3:a:jaraco_context:python-jaraco-context:6.1.0:*:*:*:*:*:*:*',
      'cpe:2.3:a:jaraco_context:python_jaraco_context:6.1.0:*:*:*:*:*:*:*',
      'cpe:2.3:a:python-jaraco-context:jaraco-context:6.1.0:*:*:*:*:*:*:*',
      'cpe:2.3:a:python-jaraco-context:jaraco_context:6.1.0:*:*:*:*:*:*:*',
      'cpe:2.3:a:python_jaraco_context:jaraco-context:6.1.0:*:*:*:*:*:*:*',
      'cpe:2.3:a:python_jaraco_context:jaraco_context:6.1.0:*:*:*:*:*:*:*',
      'cpe:2.3:a:python-jaraco:python-jaraco-context:6.1.0:*:*:*:*:*:*:*',
      'cpe:2.3:a:python-jaraco:python_jaraco_context:6.1.0:*:*:*:*:*:*:*',
      'cpe:2.3:a:python_jaraco:python-jaraco-context:6.1.0:*:*:*:*:*:*:*',
      'cpe:2.3:a:python_jaraco:python_jaraco_context:6.1.0:*:*:*:*:*:*:*',
      'cpe:2.3:a:jaraco-context:jaraco-context:6.1.0:*:*:*:*:*:*:*',
      'cpe:2.3:a:jaraco-context:jaraco_context:6.1.0:*:*:*:*:*:*:*',
      'cpe:2.3:a:jaraco_context:jaraco-context:6.1.0:*:*:*:*:*:*:*',
      'cpe:2.3:a:jaraco_context:jaraco_context:6.1.0:*:*:*:*:*:*:*',
      'cpe:2.3:a:jaraco:python-jaraco-context:6.1.0:*:*:*:*:*:*:*',
      'cpe:2.3:a:jaraco:python_jaraco_context:6.1.0:*:*:*:*:*:*:*',
      'cpe:2.3:a:python-jaraco:jaraco-context:6.1.0:*:*:*:*:*:*:*',
      'cpe:2.3:a:python-jaraco:jaraco_context:6.1.0:*:*:*:*:*:*:*',
      'cpe:2.3:a:python:python-jaraco-context:6.1.0:*:*:*:*:*:*:*',
      'cpe:2.3:a:python:python_jaraco_context:6.1.0:*:*:*:*:*:*:*',
      'cpe:2.3:a:python_jaraco:jaraco-context:6.1.0:*:*:*:*:*:*:*',
      'cpe:2.3:a:python_jaraco:jaraco_context:6.1.0:*:*:*:*:*:*:*',
      'cpe:2.3:a:jaraco:jaraco-context:6.1.0:*:*:*:*:*:*:*',
      'cpe:2.3:a:jaraco:jaraco_context:6.1.0:*:*:*:*:*:*:*',
      'cpe:2.3:a:python:jaraco-context:6.1.0:*:*:*:*:*:*:*',
      'cpe:2.3:a:python:jaraco_context:6.1.0:*:*:*:*:*:*:*'
    ]
    expect(new Set(cpes)).toEqual(new Set(syft))
    expect(cpes[0]).toBe(syft[0])
  })

  it('Rust: the target software and the _project vendor', () => {
    expect(generateCpes(pkg({ name: 'itoa', version: '1.0.11', type: 'rust-crate' }))).toEqual([
      'cpe:2.3:a:itoa_project:itoa:1.0.11:*:*:*:*:rust:*:*',
      'cpe:2.3:a:itoa:itoa:1.0.11:*:*:*:*:rust:*:*'
    ])
  })

  // Syft also reads pom.xml's parent (com.fasterxml.jackson), which the cataloger here does not: given the same
  // group ids, the candidates are Syft's.
  it('Java: vendors and products from the group ids the archive gives', () => {
    const p = pkg({ name: 'jackson-core', version: '2.17.2', type: 'java-archive' })
    const cpes = generateCpes(p, {
      artifactId: 'jackson-core',
      groupIds: [
        'com.fasterxml.jackson.core',
        'com.fasterxml.jackson',
        'com.fasterxml.jackson.core.jackson-core'
      ]
    })
    const syft = [
      'cpe:2.3:a:com.fasterxml.jackson.core.jackson-core:jackson-core:2.17.2:*:*:*:*:*:*:*',
      'cpe:2.3:a:com.fasterxml.jackson.core.jackson-core:jackson_core:2.17.2:*:*:*:*:*:*:*',
      'cpe:2.3:a:com.fasterxml.jackson.core.jackson-core:jackson:2.17.2:*:*:*:*:*:*:*',
      'cpe:2.3:a:com.fasterxml.jackson.core.jackson-core:core:2.17.2:*:*:*:*:*:*:*',
      'cpe:2.3:a:com.fasterxml.jackson.core:jackson-core:2.17.2:*:*:*:*:*:*:*',
      'cpe:2.3:a:com.fasterxml.jackson.core:jackson_core:2.17.2:*:*:*:*:*:*:*',
      'cpe:2.3:a:com.fasterxml.jackson.core:jackson:2.17.2:*:*:*:*:*:*:*',
      'cpe:2.3:a:com.fasterxml.jackson:jackson-core:2.17.2:*:*:*:*:*:*:*',
      'cpe:2.3:a:com.fasterxml.jackson:jackson_core:2.17.2:*:*:*:*:*:*:*',
      'cpe:2.3:a:com.fasterxml.jackson.core:core:2.17.2:*:*:*:*:*:*:*',
      'cpe:2.3:a:com.fasterxml.jackson:jackson:2.17.2:*:*:*:*:*:*:*',
      'cpe:2.3:a:com.fasterxml.jackson:core:2.17.2:*:*:*:*:*:*:*',
      'cpe:2.3:a:jackson-core:jackson-core:2.17.2:*:*:*:*:*:*:*',
      'cpe:2.3:a:jackson-core:jackson_core:2.17.2:*:*:*:*:*:*:*',
      'cpe:2.3:a:jackson_core:jackson-core:2.17.2:*:*:*:*:*:*:*',
      'cpe:2.3:a:jackson_core:jackson_core:2.17.2:*:*:*:*:*:*:*',
      'cpe:2.3:a:fasterxml:jackson-core:2.17.2:*:*:*:*:*:*:*',
      'cpe:2.3:a:fasterxml:jackson_core:2.17.2:*:*:*:*:*:*:*',
      'cpe:2.3:a:jackson-core:jackson:2.17.2:*:*:*:*:*:*:*',
      'cpe:2.3:a:jackson:jackson-core:2.17.2:*:*:*:*:*:*:*',
      'cpe:2.3:a:jackson:jackson_core:2.17.2:*:*:*:*:*:*:*',
      'cpe:2.3:a:jackson_core:jackson:2.17.2:*:*:*:*:*:*:*',
      'cpe:2.3:a:core:jackson-core:2.17.2:*:*:*:*:*:*:*',
      'cpe:2.3:a:core:jackson_core:2.17.2:*:*:*:*:*:*:*',
      'cpe:2.3:a:fasterxml:jackson:2.17.2:*:*:*:*:*:*:*',
      'cpe:2.3:a:jackson-core:core:2.17.2:*:*:*:*:*:*:*',
      'cpe:2.3:a:jackson_core:core:2.17.2:*:*:*:*:*:*:*',
      'cpe:2.3:a:jackson:jackson:2.17.2:*:*:*:*:*:*:*',
      'cpe:2.3:a:fasterxml:core:2.17.2:*:*:*:*:*:*:*',
      'cpe:2.3:a:core:jackson:2.17.2:*:*:*:*:*:*:*',
      'cpe:2.3:a:jackson:core:2.17.2:*:*:*:*:*:*:*',
      'cpe:2.3:a:core:core:2.17.2:*:*:*:*:*:*:*'
    ]
    expect(new Set(cpes)).toEqual(new Set(syft))
    expect(cpes[0]).toBe(syft[0])
  })

  it('Go: vendor and product from the module path; an unknown version is left open', () => {
    expect(
      generateCpes(pkg({ name: 'github.com/google/uuid', version: 'v1.6.0', type: 'go-module' }))
    ).toEqual(['cpe:2.3:a:google:uuid:v1.6.0:*:*:*:*:*:*:*'])
    expect(generateCpes(pkg({ name: 'example.com/app', version: 'UNKNOWN', type: 'go-module' }))).toEqual([])
    expect(generateCpes(pkg({ name: 'demo', version: 'UNKNOWN', type: 'java-archive' }))).toEqual([
      'cpe:2.3:a:demo:demo:*:*:*:*:*:*:*:*'
    ])
  })
})
