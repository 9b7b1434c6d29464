/** The one organisation LocalCRM hosts. */
export const ORG = {
  id: '4150868000000225001',
  zgid: '694902309',
  company_name: 'Zylker Traders (LocalCRM)',
  primary_email: 'admin@zylker.example',
  domain_name: 'org694902309',
  alias: null,
  time_zone: 'UTC',
  iso_code: 'USD',
  currency_symbol: '$',
  currency_locale: 'en_US',
  country_code: 'US',
  type: 'production',
  max_per_page: 200,
  mc_status: false,
  license_details: {
    paid: true,
    paid_type: 'enterprise',
    users_license_purchased: 10,
    trial_type: null,
    trial_expiry: null,
    paid_expiry: '2027-01-01T00:00:00+00:00',
    trial_action: null,
  },
} as const

/** A CRM user as `GET /users` returns one. */
export interface CrmUser {
  id: string
  full_name: string
  first_name: string
  last_name: string
  email: string
  status: 'active'
  role: { name: string; id: string }
  profile: { name: string; id: string }
  time_zone: string
  locale: string
}

const user = (
  id: string,
  first: string,
  last: string,
  admin: boolean,
): CrmUser => ({
  id,
  full_name: `${first} ${last}`,
  first_name: first,
  last_name: last,
  email: `${first}.${last}@zylker.example`.toLowerCase(),
  status: 'active',
  role: admin
    ? { name: 'CEO', id: '4150868000000026005' }
    : { name: 'Manager', id: '4150868000000026008' },
  profile: admin
    ? { name: 'Administrator', id: '4150868000000026011' }
    : { name: 'Standard', id: '4150868000000026014' },
  time_zone: 'UTC',
  locale: 'en_US',
})

/** The users of the org; the first is the one every token belongs to. */
export const USERS: CrmUser[] = [
  {
    ...user('4150868000000225013', 'Admin', 'User', true),
    email: 'admin@zylker.example',
  },
  user('4150868000000225017', 'Patricia', 'Boyle', false),
  user('4150868000000225021', 'Ravi', 'Kumar', false),
]
