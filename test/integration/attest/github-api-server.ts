// A local stand-in for GitHub's "create an attestation" endpoint that checks requests as the REST docs describe them.
import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { X509Certificate } from 'node:crypto'
import { assertBundleLatest, bundleFromJSON } from '@sigstore/bundle'

export interface RecordedAttestation {
  repository: string
  bundle: { mediaType: string }
  predicateType: string
}

export interface GitHubApiStandIn {
  url: string
  accepted: RecordedAttestation[]
  rejected: { status: number; message: string }[]
  /** Answer every request with this status (permission / plan refusals). */
  forceStatus?: number
  close(): Promise<void>
}

const REPO_PATH = /^\/repos\/([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)\/attestations$/

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

export async function startGitHubApi(token: string): Promise<GitHubApiStandIn> {
  const api: GitHubApiStandIn = { url: '', accepted: [], rejected: [], close: async () => {} }
  const answer = (res: ServerResponse, status: number, value: object) => {
    if (status >= 400) api.rejected.push({ status, message: (value as { message?: string }).message ?? '' })
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
    res.end(JSON.stringify(value))
  }
  const server = createServer(async (req, res) => {
    const text = await body(req)
    const match = REPO_PATH.exec(req.url ?? '')
    if (req.method !== 'POST' || !match) return answer(res, 404, { message: 'Not Found' })
    if (req.headers.authorization !== `Bearer ${token}`)
      return answer(res, 401, { message: 'Bad credentials' })
    if (api.forceStatus)
      return answer(res, api.forceStatus, { message: 'Resource not accessible by integration' })
    if (req.headers.accept !== 'application/vnd.github+json')
      return answer(res, 415, { message: 'Accept must be application/vnd.github+json' })
    if (req.headers['x-github-api-version'] !== '2022-11-28')
      return answer(res, 400, { message: 'unsupported API version' })
    let predicateType: string
    let parsed: { bundle?: { mediaType: string } }
    try {
      parsed = JSON.parse(text) as typeof parsed
      const bundle = bundleFromJSON(parsed.bundle)
      assertBundleLatest(bundle)
      if (bundle.content.$case !== 'dsseEnvelope') throw new Error('bundle must hold a DSSE envelope')
      const statement = JSON.parse(bundle.content.dsseEnvelope.payload.toString()) as {
        predicateType: string
        predicate: { runDetails?: { builder?: { id?: string } } }
      }
      predicateType = statement.predicateType
      const vm = bundle.verificationMaterial.content
      if (vm?.$case !== 'certificate') throw new Error('bundle must carry the leaf certificate')
      const san = new X509Certificate(vm.certificate.rawBytes).subjectAltName?.replace(/^URI:/, '')
      // GitHub refuses provenance whose builder disagrees with the signing certificate.
      const builder = statement.predicate.runDetails?.builder?.id
      if (predicateType === 'https://slsa.dev/provenance/v1' && builder !== san) {
        throw new Error(`provenance builder ${builder} does not match certificate ${san}`)
      }
    } catch (err) {
      return answer(res, 422, {
        message: `Validation Failed: ${err instanceof Error ? err.message : String(err)}`
      })
    }
    api.accepted.push({ repository: `${match[1]}/${match[2]}`, bundle: parsed.bundle!, predicateType })
    answer(res, 201, { id: api.accepted.length })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  api.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  api.close = () => new Promise(resolve => server.close(() => resolve()))
  return api
}
