import { describe, expect, test } from '@jest/globals'
import { templateImages } from '../../../../src/sbom/chart/template-images.js'

const D = `sha256:${'cd'.repeat(32)}`
const found = (text: string, values: unknown = {}) =>
  templateImages(text, values).map(i => `${i.ref.toString()} ${String(i.byDefault)}`)

describe('literal images in templates', () => {
  test('image: lines and hosted references; computed ones and URLs are not read', () => {
    const text = `spec:
  containers:
    - image: busybox:1.36
    - image: {{ .Values.image.repository }}:{{ .Values.image.tag }}
    - image: "{{ include "x.image" . }}"
      args: ["--helper=ghcr.io/org/helper@${D}", "--docs=https://docs.example.com/a/b:c"]
      env: [{ name: URL, value: "http://registry.example.com:5000/v2/x:y" }]
`
    expect(found(text)).toEqual(['index.docker.io/library/busybox:1.36 true', `ghcr.io/org/helper@${D} true`])
  })

  test('a literal under `if .Values.x` follows the default of x; other blocks cannot be told', () => {
    const text = `{{- if .Values.debug }}
image: quay.io/org/debug:1
{{- else }}
image: quay.io/org/nodebug:1
{{- end }}
{{- if not .Values.lite }}
image: quay.io/org/full:1
{{- end }}
{{- range .Values.extra }}
image: quay.io/org/extra:1
{{- end }}
{{- if and .Values.a .Values.b }}
image: quay.io/org/both:1
{{- end }}
`
    expect(found(text, { debug: false, lite: false })).toEqual([
      'quay.io/org/debug:1 false',
      'quay.io/org/nodebug:1 true',
      'quay.io/org/full:1 true',
      'quay.io/org/extra:1 undefined',
      'quay.io/org/both:1 undefined'
    ])
  })
})
