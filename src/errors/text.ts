// Turning any thrown value into text, and walking a cause chain: the one helper for both.
import { CodedError } from './coded-error.js'

/** The message of anything thrown, including strings and other non-Error rejections. */
export function errorText(err: unknown): string {
  if (err instanceof Error) return err.message
  if (typeof err === 'string') return err
  try {
    return JSON.stringify(err) ?? String(err)
  } catch {
    return String(err) // cyclic or BigInt-holding values
  }
}

/** `err` and its causes, outermost first (bounded, so a cyclic chain cannot loop). */
export function errorChain(err: unknown): unknown[] {
  const out: unknown[] = []
  for (let e = err; e !== undefined && e !== null && out.length < 10; e = (e as { cause?: unknown }).cause) {
    out.push(e)
    if (typeof e !== 'object') break
  }
  return out
}

/** The coded errors of a chain, outermost first. */
export const codedChain = (err: unknown): CodedError[] =>
  errorChain(err).filter((e): e is CodedError => e instanceof CodedError)
