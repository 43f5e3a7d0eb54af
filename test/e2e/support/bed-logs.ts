// Request logs of the bed's servers (GET <adminUrl>/log), to prove what a run did or did not send.
import type { BedState } from '../../bed/state.js'
import { requireSigstore } from '../../bed/state.js'

export interface LoggedRequest {
  method: string
  path: string
  status: number
}

export async function requestLog(adminUrl: string): Promise<LoggedRequest[]> {
  const res = await fetch(`${adminUrl}/log`)
  if (!res.ok) throw new Error(`${adminUrl}/log answered ${res.status}`)
  return (await res.json()) as LoggedRequest[]
}

/** Fulcio, Rekor, TSA, OIDC and the flaky registry proxy: how many requests each has logged so far. */
export async function logMarks(state: BedState): Promise<Record<string, number>> {
  const admins = { ...requireSigstore(state).adminUrl, flaky: state.registries.flaky.adminUrl }
  const out: Record<string, number> = {}
  for (const [name, url] of Object.entries(admins)) out[name] = (await requestLog(url)).length
  return out
}

/** Requests each server logged since `marks`. */
export async function logSince(
  state: BedState,
  marks: Record<string, number>
): Promise<Record<string, LoggedRequest[]>> {
  const admins = { ...requireSigstore(state).adminUrl, flaky: state.registries.flaky.adminUrl }
  const out: Record<string, LoggedRequest[]> = {}
  for (const [name, url] of Object.entries(admins))
    out[name] = (await requestLog(url)).slice(marks[name] ?? 0)
  return out
}

export async function setFaults(adminUrl: string, rules: object[]): Promise<void> {
  const res = await fetch(adminUrl, { method: 'POST', body: JSON.stringify({ rules }) })
  if (!res.ok) throw new Error(`${adminUrl} refused the fault rules: ${res.status}`)
}

export async function clearFaults(adminUrl: string): Promise<void> {
  await fetch(adminUrl, { method: 'DELETE' })
}
