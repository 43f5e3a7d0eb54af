// Messages between the SBOM worker thread and the thread that started it; everything is plain data.
import type { Credential } from '../../oci/auth/credentials.js'
import type { ReaderLimits } from '../layers/limits.js'
import type { ScanProgress } from '../layers/scan.js'
import type { WriteOptions } from '../output/model.js'
import type { GenerateSbomResult, SbomFormat } from '../index.js'

export const SBOM_WORKER_KIND = 'oci-attest-sbom-worker'

/** What a scan needs, without live objects: the registry client is rebuilt in the worker. */
export interface IsolatedSbomOptions {
  source: string
  platform?: string
  format: SbomFormat
  limits?: Partial<ReaderLimits>
  includeFiles?: boolean
  write?: WriteOptions
}

export interface WorkerData {
  kind: typeof SBOM_WORKER_KIND
  options: IsolatedSbomOptions
}

export type FromWorker =
  | { type: 'progress'; progress: ScanProgress }
  | { type: 'warning'; message: string }
  | { type: 'credential-request'; id: number; registry: string }
  /** Without `document`: it is `serialized` parsed, and cloning both across threads would copy the SBOM twice. */
  | { type: 'result'; result: Omit<GenerateSbomResult, 'document'> }
  | { type: 'error'; error: { name: string; message: string; code?: string } }

export type ToWorker = { type: 'credential'; id: number; credential?: Credential; error?: string }
