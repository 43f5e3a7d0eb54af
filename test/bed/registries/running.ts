// What starting one bed server gives back: its part of state.json, its child processes, and how to stop it.
import type { TiedChild } from './tied-child.js'

export interface RunningRegistry<S> {
  state: S
  children: TiedChild[]
  close(): Promise<void>
}
