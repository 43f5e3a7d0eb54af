// The one error base: code, cause and facts travel with the error; one helper turns anything thrown into text.
import { describe, expect, it } from '@jest/globals'
import { CodedError, codedChain, errorChain, errorText, isWriteOperation } from '../../../src/errors/index.js'
import { HttpError } from '../../../src/http/errors.js'
import type { RegistryError } from '../../../src/oci/errors.js'
import { TagRaceError, isBlobUnknown } from '../../../src/oci/errors.js'
import { registryFailure } from '../../../src/oci/transport.js'
import type { HttpResponse } from '../../../src/http/index.js'

class TestError extends CodedError<'TEST_CODE'> {
  constructor(message: string, facts?: ConstructorParameters<typeof CodedError>[2]) {
    super('TEST_CODE', message, facts)
    this.name = 'TestError'
  }
}

describe('CodedError', () => {
  it('carries the code, the message byte for byte, the cause and the facts given', () => {
    const cause = new Error('root')
    const err = new TestError('it failed', { cause, operation: 'push', tag: 't', subject: 's', status: 409 })
    expect(err).toBeInstanceOf(Error)
    expect(err).toMatchObject({ code: 'TEST_CODE', message: 'it failed', name: 'TestError' })
    expect(err).toMatchObject({ operation: 'push', tag: 't', subject: 's', status: 409 })
    expect(err.cause).toBe(cause)
  })

  it('leaves facts it was not given absent, not undefined-valued', () => {
    const err = new TestError('bare')
    expect(Object.keys(err).sort()).toEqual(['code', 'name'])
    expect('cause' in err).toBe(false)
  })

  it('subclasses keep their facts through their own constructors', () => {
    const race = new TagRaceError('sha256-abc.sig', 'kept being replaced')
    expect(race).toBeInstanceOf(CodedError)
    expect(race).toMatchObject({ code: 'TAG_WRITE_RACED', tag: 'sha256-abc.sig' })
    const http = new HttpError('HTTP_STATUS', 'no', { url: 'https://u:p@h.example/x', status: 418 })
    expect(http).toMatchObject({ code: 'HTTP_STATUS', status: 418 })
    expect(http.url).not.toContain('u:p')
  })

  it('tells writes from reads', () => {
    expect(['push', 'upload', 'mount'].every(op => isWriteOperation(op as 'push'))).toBe(true)
    expect(['fetch', 'check', 'list', 'probe'].some(op => isWriteOperation(op as 'fetch'))).toBe(false)
    expect(isWriteOperation(undefined)).toBe(false)
  })
})

describe('errorText', () => {
  it('is the message of an Error, a string as is, and JSON for anything else', () => {
    expect(errorText(new TestError('m'))).toBe('m')
    expect(errorText('plain')).toBe('plain')
    expect(errorText({ status: 500 })).toBe('{"status":500}')
    expect(errorText(42)).toBe('42')
    expect(errorText(undefined)).toBe('undefined')
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    expect(errorText(cyclic)).toBe('[object Object]')
  })
})

describe('errorChain', () => {
  it('walks causes outermost first and stops on a cycle', () => {
    const inner = new TestError('inner')
    const outer = new Error('outer', { cause: inner })
    expect(errorChain(outer)).toEqual([outer, inner])
    expect(codedChain(outer)).toEqual([inner])
    const a = new Error('a') as Error & { cause?: unknown }
    a.cause = a
    expect(errorChain(a)).toHaveLength(10)
    expect(errorChain('text')).toEqual(['text'])
  })
})

describe('registryFailure sets the facts a classifier reads', () => {
  const answer = (status: number, body: string): HttpResponse =>
    ({ status, headers: new Headers(), text: async () => body }) as unknown as HttpResponse

  it('operation, tag, status and the OCI error codes of the body; the message is unchanged', async () => {
    const body = JSON.stringify({ errors: [{ code: 'MANIFEST_BLOB_UNKNOWN', message: 'blob unknown' }] })
    const err = (await registryFailure(answer(400, body), 'pushing manifest r/a:sha256-x.sig', {
      operation: 'push',
      tag: 'sha256-x.sig'
    }).catch((e: unknown) => e)) as RegistryError
    expect(err).toMatchObject({ code: 'REGISTRY_ERROR', status: 400, operation: 'push', tag: 'sha256-x.sig' })
    expect(err.registryCodes).toEqual(['MANIFEST_BLOB_UNKNOWN'])
    expect(err.message).toBe(
      'pushing manifest r/a:sha256-x.sig: registry answered 400 (MANIFEST_BLOB_UNKNOWN: blob unknown)'
    )
    expect(isBlobUnknown(err)).toBe(true)
  })

  it('a blob-unknown word in free text is not a BLOB_UNKNOWN code', async () => {
    const err = await registryFailure(answer(400, 'BLOB_UNKNOWN somewhere'), 'pushing manifest r/a', {
      operation: 'push'
    }).catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'REGISTRY_ERROR', operation: 'push' })
    expect(isBlobUnknown(err)).toBe(false)
  })
})
