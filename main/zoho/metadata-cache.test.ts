import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import type { CrmClient } from './crm-client.ts'
import { withMetadataCache } from './metadata-cache.ts'

function countingClient(failFirst = false) {
  const calls: string[] = []
  let failing = failFirst
  const client = {
    getOrg: async () => {
      calls.push('org')
      return { zgid: '1', name: 'Zylker' }
    },
    listModules: async () => {
      calls.push('modules')
      if (failing) {
        failing = false
        throw new Error('503')
      }
      return []
    },
    listFields: async (module: string) => {
      calls.push(`fields:${module}`)
      return []
    },
  } as unknown as CrmClient
  return { client, calls }
}

describe('withMetadataCache', () => {
  it('asks the CRM once per org, module list and module', async () => {
    const { client, calls } = countingClient()
    const cached = withMetadataCache(client)
    await Promise.all([cached.getOrg(), cached.getOrg(), cached.listModules()])
    await cached.listFields('Leads')
    await cached.listFields('Leads')
    await cached.listFields('Contacts')
    assert.deepEqual(calls, [
      'org',
      'modules',
      'fields:Leads',
      'fields:Contacts',
    ])
  })

  it('asks again after a refresh', async () => {
    const { client, calls } = countingClient()
    const cached = withMetadataCache(client)
    await cached.listFields('Leads')
    cached.refreshMetadata()
    await cached.listFields('Leads')
    assert.deepEqual(calls, ['fields:Leads', 'fields:Leads'])
  })

  it('does not keep a failed read', async () => {
    const { client, calls } = countingClient(true)
    const cached = withMetadataCache(client)
    await assert.rejects(cached.listModules(), /503/)
    assert.deepEqual(await cached.listModules(), [])
    assert.deepEqual(calls, ['modules', 'modules'])
  })
})
