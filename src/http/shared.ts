// The one HTTP client every domain module defaults to, and the slice of it (`request`) clients take, so tests
// can hand in a tiny server-backed client.
import { createHttpClient } from './client.js'
import type { HttpClient } from './types.js'

export type Http = Pick<HttpClient, 'request'>

let shared: Http | undefined

/** The project's one HTTP client (retries, user agent), created on first use. */
export function defaultHttp(): Http {
  shared ??= createHttpClient()
  return shared
}
