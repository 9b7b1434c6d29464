import type { CrmField, CrmModule } from '../../app/fields/crm-field.ts'
import type { CrmClient, CrmOrg } from './crm-client.ts'

/** A client whose org, modules and fields are read once until refreshed. */
export interface CachingCrmClient extends CrmClient {
  /** Forgets the cached metadata; the next reads ask the CRM again. */
  refreshMetadata(): void
}

/**
 * Wraps the client of one connection (so one org) with a metadata cache.
 * A failed read is not cached, and callers asking at the same time share
 * one request.
 */
export function withMetadataCache(client: CrmClient): CachingCrmClient {
  let org: Promise<CrmOrg> | null = null
  let modules: Promise<CrmModule[]> | null = null
  const fields = new Map<string, Promise<CrmField[]>>()

  const keep = <T>(read: () => Promise<T>, forget: () => void): Promise<T> => {
    const pending = read()
    pending.catch(forget)
    return pending
  }

  return {
    ...client,
    getOrg() {
      org ??= keep(client.getOrg, () => {
        org = null
      })
      return org
    },
    listModules() {
      modules ??= keep(client.listModules, () => {
        modules = null
      })
      return modules
    },
    listFields(module) {
      const cached = fields.get(module)
      if (cached) return cached

      const pending = keep(
        () => client.listFields(module),
        () => fields.delete(module),
      )
      fields.set(module, pending)
      return pending
    },
    refreshMetadata() {
      org = null
      modules = null
      fields.clear()
    },
  }
}
