// The run's OpenVEX step: the documents the vex input read, bound to each planned subject before any signing.
import { OpenVexError } from '../../attest/openvex.js'
import type { BoundOpenVex } from '../../attest/openvex-bind.js'
import type { Plan } from '../plan.js'
import { bindVexDocuments, vexEligible } from '../vex-binding.js'
import { InputError } from './inputs.js'
import type { ActionInputs } from './inputs.js'
import type { Ui } from './ui.js'

/** Every document bound to every image subject (no network): a document about another image is the vex input's fault. */
export function bindVex(
  inputs: Pick<ActionInputs, 'vex'>,
  plan: Pick<Plan, 'subjects'>,
  ui: Pick<Ui, 'info' | 'warning'>,
  now = new Date()
): Map<string, BoundOpenVex[]> {
  if (inputs.vex.length > 0) {
    const others = plan.subjects.filter(s => !vexEligible(s))
    for (const s of others)
      ui.info(`OpenVEX: not attested on ${s.ref} (a ${s.kind}; VEX documents are about images)`)
    if (others.length === plan.subjects.length)
      ui.warning('input "vex": no container image among the subjects, so no OpenVEX document is attested')
  }
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
