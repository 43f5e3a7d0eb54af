import { describe, expect, test } from '@jest/globals'
import { parseChartYaml } from '../../../../src/sbom/chart/chart-yaml.js'
import { conditionEnabled } from '../../../../src/sbom/chart/chart-tree.js'

describe('Chart.yaml', () => {
  test('identity, dependencies and artifacthub.io/images', () => {
    const meta = parseChartYaml(
      `apiVersion: v2
name: gpu-operator
version: v25.3.0
appVersion: "v25.3.0"
annotations:
  artifacthub.io/images: |
    - name: operator
      image: nvcr.io/nvidia/gpu-operator:v25.3.0
      platforms: [linux/amd64]
    - name: broken
      image: "not an image"
dependencies:
  - name: node-feature-discovery
    version: v0.17.2
    repository: oci://registry.k8s.io/nfd/charts
    condition: nfd.enabled
  - name: local
    alias: other
`,
      'test'
    )
    expect({
      ...meta,
      annotationImages: meta.annotationImages.map(i => `${i.name} ${i.ref.toString()}`)
    }).toEqual({
      name: 'gpu-operator',
      version: 'v25.3.0',
      appVersion: 'v25.3.0',
      dependencies: [
        {
          name: 'node-feature-discovery',
          version: 'v0.17.2',
          repository: 'oci://registry.k8s.io/nfd/charts',
          condition: 'nfd.enabled'
        },
        { name: 'local', alias: 'other' }
      ],
      annotationImages: ['operator nvcr.io/nvidia/gpu-operator:v25.3.0'],
      problems: [expect.stringContaining('"not an image"') as unknown as string]
    })
  })

  test('a Chart.yaml without name or version is refused', () => {
    expect(() => parseChartYaml('apiVersion: v2\nname: x\n', 'here')).toThrow(
      'here: Chart.yaml has no name or version'
    )
  })

  test("a dependency's condition: the first path holding a boolean decides, none set means enabled", () => {
    const values = { nfd: { enabled: false }, other: { enabled: 'yes' } }
    expect(conditionEnabled(values, 'nfd.enabled')).toBe(false)
    expect(conditionEnabled(values, 'missing.enabled, nfd.enabled')).toBe(false)
    expect(conditionEnabled(values, 'other.enabled')).toBe(true)
    expect(conditionEnabled(values, undefined)).toBe(true)
  })
})
