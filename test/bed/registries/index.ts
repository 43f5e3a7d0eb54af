// Starts every registry of the bed (and the bearer registry's token server) under `dir`, all or none.
import { randomBytes } from 'node:crypto'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { BedRegistries } from '../state.js'
import { startDistribution } from './distribution.js'
import { startFlakyProxy } from './flaky-proxy.js'
import { writeHtpasswd } from './htpasswd.js'
import { startReferrersRegistry } from './referrers.js'
import type { TiedChild } from './tied-child.js'
import { createTokenSigner } from './token-signer.js'
import { startTokenServer } from './token-server.js'

export interface RunningRegistries {
  registries: BedRegistries
  children: TiedChild[]
  close(): Promise<void>
}

type Started = { state: { host: string }; close(): Promise<void> }

const SERVICE = 'oci-attest-bed-registry'
const ISSUER = 'oci-attest-bed-token-server'
const PUBLIC_PREFIX = 'public/'

export async function startRegistries(dir: string): Promise<RunningRegistries> {
  await mkdir(dir, { recursive: true })
  const closers: Array<() => Promise<void>> = []
  const children: TiedChild[] = []
  const closeAll = async () => {
    await Promise.allSettled(closers.reverse().map(c => c()))
  }
  const track = <T extends { close(): Promise<void>; children?: TiedChild[] }>(r: T): T => {
    closers.push(() => r.close())
    children.push(...(r.children ?? []))
    return r
  }
  try {
    const basicUser = { username: 'bed-basic', password: randomBytes(12).toString('hex') }
    const bearerUser = { username: 'bed-bearer', password: randomBytes(12).toString('hex') }
    const htpasswd = join(dir, 'basic.htpasswd')
    await writeHtpasswd(htpasswd, basicUser.username, basicUser.password)
    const signer = await createTokenSigner(dir)
    const tokens = track(
      await startTokenServer({
        service: SERVICE,
        issuer: ISSUER,
        ...bearerUser,
        publicPrefix: PUBLIC_PREFIX,
        signer
      })
    )

    // allSettled, not all: every server that did start must be tracked so a failure stops it too.
    const started = await Promise.allSettled([
      startReferrersRegistry(dir).then(track),
      startDistribution('distribution', dir, { kind: 'none' }).then(track),
      startDistribution('basic', dir, { kind: 'htpasswd', realm: 'oci-attest-bed', path: htpasswd }).then(
        track
      ),
      startDistribution('bearer', dir, {
        kind: 'token',
        realm: tokens.realm,
        service: SERVICE,
        issuer: ISSUER,
        rootCertBundle: signer.rootCertBundle
      }).then(track)
    ])
    const failed = started.find(s => s.status === 'rejected')
    if (failed) throw failed.reason
    const [referrers, distribution, basic, bearer] = started.map(
      s => (s as PromiseFulfilledResult<Started>).value
    ) as [Started, Started, Started, Started]
    const flaky = track(await startFlakyProxy(distribution.state.host))
    return {
      registries: {
        referrers: { host: referrers.state.host, auth: 'none' },
        distribution: { host: distribution.state.host, auth: 'none' },
        basic: { host: basic.state.host, auth: 'basic', ...basicUser },
        bearer: {
          host: bearer.state.host,
          auth: 'bearer',
          ...bearerUser,
          realm: tokens.realm,
          service: SERVICE,
          identityToken: tokens.identityToken,
          anonymousPullPrefix: PUBLIC_PREFIX,
          tokenAdminUrl: tokens.adminUrl
        },
        flaky: flaky.state
      },
      children,
      close: closeAll
    }
  } catch (err) {
    await closeAll()
    throw err
  }
}

/** The demo's bed: one plain distribution registry (no referrers API, like ghcr.io), nothing built with Go. */
export async function startDemoRegistries(dir: string): Promise<RunningRegistries> {
  await mkdir(dir, { recursive: true })
  const distribution = await startDistribution('distribution', dir, { kind: 'none' })
  return {
    // The demo reads only `distribution`; readBedState checks the profile before anyone relies on the rest.
    registries: { distribution: { host: distribution.state.host, auth: 'none' } } as BedRegistries,
    children: distribution.children ?? [],
    close: () => distribution.close()
  }
}
