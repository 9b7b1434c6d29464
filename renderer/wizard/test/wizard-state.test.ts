import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { FileSummary } from '../../../app/contract.ts'
import { wizardReducer, type WizardState } from '../wizard-state.ts'

const file = { fileId: 'f', name: 'a.csv' } as FileSummary
const mapping = {
  module: 'Contacts',
  operation: 'insert' as const,
  findBy: null,
  ignoreEmpty: false,
  fields: [],
}

describe('wizardReducer', () => {
  it('moves from File to Target when a file is opened', () => {
    const next = wizardReducer({ step: 'file' }, { type: 'fileOpened', file })
    assert.equal(next.step, 'target')
  })

  it('ignores an action that does not fit the current step', () => {
    const state: WizardState = { step: 'file' }
    assert.equal(
      wizardReducer(state, { type: 'mappingChanged', mapping }),
      state,
    )
  })

  it('goes back from Map to Target keeping the file', () => {
    const map: WizardState = { step: 'map', file, fields: [], mapping }
    const back = wizardReducer(map, { type: 'back' })
    assert.deepEqual(back, { step: 'target', file })
  })
})
