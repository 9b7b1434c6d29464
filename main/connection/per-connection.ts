import type { CrmConnection } from './crm-connection.ts'

/**
 * Keeps one value per connection (a run store, a job runner), made on
 * first use from that connection alone, so that LocalCRM's runs and a
 * real org's never share a folder, a list or a client.
 */
export function perConnection<T>(make: (connection: CrmConnection) => T) {
  const made = new Map<string, T>()
  return {
    /** The value of this connection, made now if it is new. */
    of(connection: CrmConnection): T {
      let value = made.get(connection.key)
      if (value === undefined) {
        value = make(connection)
        made.set(connection.key, value)
      }
      return value
    },
    /** Every value made so far (to stop them all on quit). */
    all(): T[] {
      return [...made.values()]
    },
  }
}
