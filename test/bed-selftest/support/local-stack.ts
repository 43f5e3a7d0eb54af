// A private Sigstore stack per suite, in a temporary directory, for tests of the stack's own HTTP surface.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startSigstoreStack, type SigstoreStack } from '../../bed/sigstore/index.js'

export interface LocalStack {
  stack: SigstoreStack
  dir: string
  stop(): Promise<void>
}

export async function startLocalStack(): Promise<LocalStack> {
  const dir = await mkdtemp(join(tmpdir(), 'oci-attest-sigstore-'))
  const stack = await startSigstoreStack({ dir })
  return {
    stack,
    dir,
    stop: async () => {
      await stack.close()
      await rm(dir, { recursive: true, force: true })
    }
  }
}

export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {}
): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body)
  })
}
