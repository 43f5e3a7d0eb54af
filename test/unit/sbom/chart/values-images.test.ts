import { describe, expect, test } from '@jest/globals'
import { parse } from 'yaml'
import { valuesImages } from '../../../../src/sbom/chart/values-images.js'

const D = `sha256:${'ab'.repeat(32)}`
const scan = (yaml: string, appVersion?: string) => {
  const r = valuesImages(parse(yaml), appVersion)
  return {
    images: r.images.map(
      i => `${i.path} ${i.ref.toString()} ${i.byDefault}${i.tagFromAppVersion ? ' app' : ''}`
    ),
    skipped: r.skipped
  }
}

describe('images in values', () => {
  test('image: repo:tag strings, with a sibling tag when the string has none', () => {
    expect(
      scan('image: nginx:1.27\nsidecar:\n  image: quay.io/org/side\n  tag: v2\nplain:\n  image: busybox\n')
        .images
    ).toEqual([
      'image index.docker.io/library/nginx:1.27 true',
      'sidecar.image quay.io/org/side:v2 true',
      'plain.image index.docker.io/library/busybox:latest true'
    ])
  })

  test('image: {registry, repository, tag, digest}; an empty tag is the appVersion', () => {
    const yaml = `image:\n  registry: ghcr.io\n  repository: org/app\n  tag: ""\nworker:\n  image:\n    repository: ghcr.io/org/worker\n    tag: 1.0.0\n    digest: ${D}\n`
    expect(scan(yaml, 'v9').images).toEqual([
      'image ghcr.io/org/app:v9 true app',
      `worker.image ghcr.io/org/worker:1.0.0@${D} true`
    ])
  })

  test("gpu-operator's {repository, image, version}: version absent is appVersion, a digest version is a digest", () => {
    const yaml = `operator:\n  repository: nvcr.io/nvidia\n  image: gpu-operator\ndriver:\n  enabled: true\n  repository: nvcr.io/nvidia\n  image: driver\n  version: "550.54.15"\n  manager:\n    repository: nvcr.io/nvidia/cloud-native\n    image: k8s-driver-manager\n    version: ${D}\n`
    expect(scan(yaml, 'v25.3.0').images).toEqual([
      'operator nvcr.io/nvidia/gpu-operator:v25.3.0 true app',
      'driver nvcr.io/nvidia/driver:550.54.15 true',
      `driver.manager nvcr.io/nvidia/cloud-native/k8s-driver-manager@${D} true`
    ])
  })

  test('enabled: false turns off everything under it; an empty repository is skipped, not guessed', () => {
    const yaml = `dcgm:\n  enabled: false\n  repository: nvcr.io/nvidia/cloud-native\n  image: dcgm\n  version: 4.1.1\n  side:\n    image: busybox:1.36\nvgpuManager:\n  enabled: false\n  repository: ""\n  image: vgpu-manager\n  version: ""\n`
    expect(scan(yaml)).toEqual({
      images: [
        'dcgm nvcr.io/nvidia/cloud-native/dcgm:4.1.1 false',
        'dcgm.side.image index.docker.io/library/busybox:1.36 false'
      ],
      skipped: ['vgpuManager']
    })
  })

  test('strings that are not images are not read: block text, URLs, templates, pull policies', () => {
    const yaml = `config:\n  data: |\n    image: nvcr.io/x/y:1\nhelm:\n  repository: https://charts.example.com\nweird:\n  image: "{{ .Values.x }}"\npullPolicy: IfNotPresent\n`
    expect(scan(yaml)).toEqual({ images: [], skipped: ['weird.image'] })
  })
})
