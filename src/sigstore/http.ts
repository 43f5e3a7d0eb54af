// Sigstore's services answer JSON; a non-2xx or non-JSON answer becomes an error carrying the status and body.

/** Reads a JSON answer, turning any non-2xx into a thrown error carrying the status and body excerpt. */
export async function expectJson<T>(
  res: { status: number; text(): Promise<string> },
  what: string
): Promise<T> {
  const text = await res.text()
  if (res.status < 200 || res.status > 299) {
    throw new Error(`${what} answered HTTP ${res.status}: ${text.slice(0, 300)}`)
  }
  try {
    return JSON.parse(text) as T
  } catch (cause) {
    throw new Error(`${what} answered non-JSON: ${text.slice(0, 120)}`, { cause })
  }
}
