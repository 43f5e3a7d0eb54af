// Failure messages name the subject, the phase and the fix, from the error chain the pipeline throws.
import { describe, expect, it } from '@jest/globals'
import { failureMessage, fixFor } from '../../../src/pipeline/run/failure.js'
import { RegistryError } from '../../../src/oci/errors.js'
import { PipelineError } from '../../../src/pipeline/errors.js'

const subject = 'ghcr.io/o/app@sha256:' + 'a'.repeat(64)
const tag = 'sha256-' + 'a'.repeat(64) + '.sig'
const wrapped = (cause: Error) =>
  new PipelineError('SUBJECT_FAILED', subject, 'attest', cause.message, { cause })

describe('failureMessage', () => {
  it('a 403 on a push asks for packages: write or a login that can push', () => {
    const err = wrapped(
      new RegistryError('REGISTRY_DENIED', `pushing manifest ghcr.io/o/app:${tag}: registry answered 403`, {
        status: 403
      })
    )
    const text = failureMessage(err, 'Sign')
    expect(text.startsWith(`${subject} [attest]: `)).toBe(true)
    expect(text).toContain('packages: write')
    expect(text).toContain('(SUBJECT_FAILED)')
  })

  it('a 400 on a sha256-*.sig tag explains immutable tags and names the tag', () => {
    const err = wrapped(
      new RegistryError(
        'REGISTRY_ERROR',
        `pushing manifest ghcr.io/o/app:${tag}: registry answered 400 (TAG_INVALID)`,
        { status: 400 }
      )
    )
    expect(fixFor(err)).toContain(`tags are immutable`)
    expect(fixFor(err)).toContain(`(tag ${tag})`)
  })

  it('reads (not found, 401 on a pull) get no write-access advice', () => {
    expect(
      fixFor(
        wrapped(
          new RegistryError('REGISTRY_NOT_FOUND', 'fetching manifest x/never-pushed: 404', { status: 404 })
        )
      )
    ).toBeUndefined()
    expect(
      fixFor(wrapped(new RegistryError('REGISTRY_UNAUTHORIZED', 'fetching manifest x: 401', { status: 401 })))
    ).toContain('check the registry credentials')
  })

  it('uses the current phase when the error names no subject', () => {
    expect(failureMessage(new Error('boom'), 'Identity: OIDC token')).toBe('[Identity: OIDC token]: boom')
  })
})
