// The run's OpenVEX step: the documents the vex input read, bound to each planned subject before any signing.
import { OpenVexError } from '../../attest/openvex.js'
import type { BoundOpenVex } from '../../attest/openvex-bind.js'
import type { Plan } from '../plan.js'
import { bindVexDocuments } from '../vex-binding.js'
import { InputError } from './inputs.js'
import type { ActionInputs } from './inputs.js'
import type { Ui } from './ui.js'

/** Every document bound to every subject (no network): a document about another image is the vex input's fault. */
export function bindVex(
  inputs: Pick<ActionInputs, 'vex'>,
  plan: Pick<Plan, 'subjects'>,
  ui: Pick<Ui, 'info'>,
  now = new Date()
): Map<string, BoundOpenVex[]> {
  try {
    const bound = bindVexDocuments(inputs.vex, plan.subjects, now)
    for (const [ref, documents] of bound)
      for (const d of documents)
        ui.info(
          `OpenVEX ${d.file} → ${ref}${d.changed ? ` (products bound to the image: version ${String(d.predicate.version)}, new @id)` : ''}`
        )
    return bound
  } catch (err) {
    if (err instanceof OpenVexError) throw new InputError('vex', err.message)
    throw err
  }
}
