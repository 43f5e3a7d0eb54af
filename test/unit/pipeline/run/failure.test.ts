// Failure messages name the subject, the phase and the fix, from the error chain the pipeline throws.
import { describe, expect, it } from '@jest/globals'
import { failureMessage, fixFor } from '../../../../src/pipeline/run/failure.js'
import { RegistryError } from '../../../../src/oci/errors.js'
import { PipelineError } from '../../../../src/pipeline/errors.js'
import { ActionError } from '../../../../src/pipeline/run/run.js'
import { InputError } from '../../../../src/pipeline/run/inputs.js'
import { SigstoreError } from '../../../../src/sigstore/error.js'
import { HttpError } from '../../../../src/http/errors.js'

const subject = 'ghcr.io/o/app@sha256:' + 'a'.repeat(64)
const tag = 'sha256-' + 'a'.repeat(64) + '.sig'
const wrapped = (cause: Error) =>
  new PipelineError('SUBJECT_FAILED', subject, 'attest', cause.message, { cause })

describe('failureMessage', () => {
  it('a TUF failure (trusted root or signing config) names the host and the inputs of a private instance', () => {
    const tuf = Object.assign(new Error('target signing_config.v0.2.json not found'), {
      code: 'TUF_FIND_TARGET_ERROR'
    })
    const fix = fixFor(new Error('signing config', { cause: tuf }))
    expect(fix).toContain('tuf-repo-cdn.sigstore.dev')
    expect(fix).toContain('set trusted-root and signing-config (a file) or fulcio-url and rekor-url')
  })

  it('a 403 on a push asks for packages: write or a login that can push', () => {
    const err = wrapped(
      new RegistryError('REGISTRY_DENIED', `pushing manifest ghcr.io/o/app:${tag}: registry answered 403`, {
        status: 403,
        operation: 'push',
        tag
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
        { status: 400, operation: 'push', tag }
      )
    )
    expect(fixFor(err)).toContain(`tags are immutable`)
    expect(fixFor(err)).toContain(`(tag ${tag})`)
  })

  it('reads (not found, 401 on a pull) get no write-access advice', () => {
    expect(
      fixFor(
        wrapped(
          new RegistryError('REGISTRY_NOT_FOUND', 'fetching manifest x/never-pushed: 404', {
            status: 404,
            operation: 'fetch'
          })
        )
      )
    ).toBeUndefined()
    expect(
      fixFor(
        wrapped(
          new RegistryError('REGISTRY_UNAUTHORIZED', 'fetching manifest x: 401', {
            status: 401,
            operation: 'fetch'
          })
        )
      )
    ).toContain('check the registry credentials')
  })

  it('uses the current phase when the error names no subject', () => {
    expect(failureMessage(new Error('boom'), 'Identity: OIDC token')).toBe('[Identity: OIDC token]: boom')
  })
})

describe('fixFor reads the facts the thrower set, not the message', () => {
  const refused = (
    status: number,
    facts: { operation?: 'fetch' | 'push' | 'upload' | 'mount'; tag?: string }
  ) => wrapped(new RegistryError('REGISTRY_DENIED', 'the registry said no', { status, ...facts }))

  it('a refused upload or mount is a write, whatever the message says', () => {
    expect(fixFor(refused(403, { operation: 'upload' }))).toContain('packages: write')
    expect(fixFor(refused(403, { operation: 'mount' }))).toContain('packages: write')
  })

  it('a read is not a write even when its message starts with "pushing"', () => {
    const err = wrapped(
      new RegistryError('REGISTRY_DENIED', `pushing manifest ghcr.io/o/app:${tag}: registry answered 403`, {
        status: 403,
        operation: 'fetch'
      })
    )
    expect(fixFor(err)).toBe(
      'check the registry credentials (registry-username/registry-password, docker login)'
    )
  })

  it('names the tag from the tag field, for 400, 409 and 412 only', () => {
    for (const status of [400, 409, 412])
      expect(fixFor(refused(status, { operation: 'push', tag }))).toContain(`(tag ${tag})`)
    expect(fixFor(refused(403, { operation: 'push', tag }))).not.toContain('(tag ')
    // A tag named only in the message text no longer counts.
    const inText = wrapped(
      new RegistryError('REGISTRY_CONFLICT', `pushing manifest ghcr.io/o/app:${tag}: 409`, { status: 409 })
    )
    expect(fixFor(inText)).toBeUndefined()
  })

  it('a tag that is not one of ours (sha256-<hex>[.sig|.att]) gets no immutable-tag advice', () => {
    expect(fixFor(refused(409, { operation: 'push', tag: 'v1' }))).not.toContain('immutable')
  })

  it('the first registry answer in the chain decides: a 404 gets no fix', () => {
    const inner = new RegistryError('REGISTRY_DENIED', 'x', { status: 403, operation: 'push' })
    const outer = new RegistryError('REGISTRY_NOT_FOUND', 'y', {
      status: 404,
      operation: 'fetch',
      cause: inner
    })
    expect(fixFor(wrapped(outer))).toBeUndefined()
  })

  it('a missing SCT is told by the check field of the verification error', () => {
    const sct = new SigstoreError('VERIFICATION_FAILED', 'verification failed at CERTIFICATE_ERROR', {
      check: 'sct'
    })
    expect(fixFor(wrapped(sct))).toContain('insecure-ignore-sct: true')
    const other = new SigstoreError('VERIFICATION_FAILED', 'expected 1 SCTs, got 0')
    expect(fixFor(wrapped(other))).toBeUndefined()
  })

  it('codes decide the rest: write probe over HTTP, attestations permission, inputs', () => {
    const unreachable = new PipelineError('WRITE_ACCESS_DENIED', subject, 'probe', 'no', {
      cause: new HttpError('HTTP_NETWORK', 'ECONNREFUSED', { url: 'https://r.example/v2/' })
    })
    expect(fixFor(unreachable)).toContain('could not be reached for a write')
    expect(fixFor(new ActionError('GITHUB_ATTESTATION_REFUSED', 'no'))).toContain('attestations: write')
    expect(fixFor(new InputError('platforms', 'bad'))).toBeUndefined()
  })
})

describe('failureMessage', () => {
  it('labels an input error the caller’s way, and ends with the outermost code', () => {
    const text = failureMessage(new InputError('platforms', 'bad'), 'Inputs', i => `--${i}`)
    expect(text).toBe('[Inputs]: --platforms: bad (INVALID_INPUT)')
  })

  it('takes the code from a cause when the outer error has none', () => {
    const err = new Error('outer', { cause: new RegistryError('REGISTRY_ERROR', 'inner', { status: 500 }) })
    expect(failureMessage(err, 'Plan')).toBe('[Plan]: outer (REGISTRY_ERROR)')
  })
})
