// config.yml for Debian's docker-registry (distribution 2.8). YAML is a superset of JSON, so we write JSON.
import { randomBytes } from 'node:crypto'

export type DistributionAuth =
  | { kind: 'none' }
  | { kind: 'htpasswd'; realm: string; path: string }
  | { kind: 'token'; realm: string; service: string; issuer: string; rootCertBundle: string }

export function distributionConfig(opts: {
  host: string
  storageDir: string
  auth: DistributionAuth
}): string {
  const config: Record<string, unknown> = {
    version: 0.1,
    log: { level: 'warn', formatter: 'text', accesslog: { disabled: true } },
    storage: {
      filesystem: { rootdirectory: opts.storageDir },
      delete: { enabled: true },
      maintenance: { uploadpurging: { enabled: false } }
    },
    http: {
      addr: opts.host,
      // A fixed secret silences the "No HTTP secret provided" warning and keeps upload state valid.
      secret: randomBytes(16).toString('hex'),
      headers: { 'X-Content-Type-Options': ['nosniff'] }
    }
  }
  const auth = opts.auth
  if (auth.kind === 'htpasswd') config.auth = { htpasswd: { realm: auth.realm, path: auth.path } }
  if (auth.kind === 'token') {
    config.auth = {
      token: {
        realm: auth.realm,
        service: auth.service,
        issuer: auth.issuer,
        rootcertbundle: auth.rootCertBundle
      }
    }
  }
  return JSON.stringify(config, null, 2) + '\n'
}
