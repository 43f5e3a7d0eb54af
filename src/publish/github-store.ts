// GitHub's attestation store: POST /repos/{owner}/{repo}/attestations so `gh attestation verify` finds bundles.
import { defaultHttp } from '../http/index.js'
import type { Http } from '../http/index.js'
import { PublishError } from './errors.js'

export interface GitHubStoreOptions {
  token: string
  /** owner/name */
  repository: string
  apiUrl?: string
  http?: Http
}

export type GitHubStoreResult =
  { stored: true; id: string; url: string } | { stored: false; warning: string; status: number }

/** Refusals that mean "not allowed or not available here" rather than "broken": they become warnings. */
const PERMISSION_OR_PLAN = new Set([403, 404, 422])

export class GitHubAttestationStore {
  readonly #opts: GitHubStoreOptions

  constructor(opts: GitHubStoreOptions) {
    this.#opts = opts
  }

  /** `bundleJson` is the serialized bundle as published; it goes into the request body as is. */
  async store(bundleJson: Buffer): Promise<GitHubStoreResult> {
    const api = (this.#opts.apiUrl ?? 'https://api.github.com').replace(/\/$/, '')
    const url = `${api}/repos/${this.#opts.repository}/attestations`
    const res = await (this.#opts.http ?? defaultHttp()).request(url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${this.#opts.token}`,
        accept: 'application/vnd.github+json',
        'x-github-api-version': '2022-11-28',
        'content-type': 'application/json'
      },
      // An SBOM bundle can be 16 MiB: spliced into {"bundle": …} rather than parsed and serialized again.
      body: Buffer.concat([Buffer.from('{"bundle":'), bundleJson, Buffer.from('}')])
    })
    const text = await res.text()
    if (res.status === 201 || res.status === 200) {
      const id = String((JSON.parse(text) as { id?: string | number }).id ?? '')
      return { stored: true, id, url: `${api}/repos/${this.#opts.repository}/attestations/${id}` }
    }
    if (PERMISSION_OR_PLAN.has(res.status)) {
      return {
        stored: false,
        status: res.status,
        warning:
          `GitHub refused the attestation for ${this.#opts.repository} (HTTP ${res.status}: ${text.slice(0, 160)}). ` +
          'Grant the job ' +
          '`permissions:\n  attestations: write` (private repositories also need a plan with artifact attestations), ' +
          'or set github-attestations: false. The registry copies are unaffected'
      }
    }
    throw new PublishError(
      'GITHUB_ATTESTATION_FAILED',
      `POST ${url} answered HTTP ${res.status}: ${text.slice(0, 200)}`
    )
  }
}
