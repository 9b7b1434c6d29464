import {
  buildModule,
  type FieldLine,
  type ModuleSeed,
} from './module-builder.ts'
import { INDUSTRY, LEAD_SOURCE, SALUTATION, STAGE } from './picklists.ts'

const address = (prefix: string, zip: string): FieldLine[] => [
  [`${prefix}_Street`, 'text', { length: 250 }],
  [`${prefix}_City`, 'text', { length: 100 }],
  [`${prefix}_State`, 'text', { length: 100 }],
  [`${prefix}_${zip}`, 'text', { length: 30 }],
  [`${prefix}_Country`, 'text', { length: 100 }],
]

const person: FieldLine[] = [
  ['Salutation', 'picklist', { picklist: SALUTATION }],
  ['First_Name', 'text', { length: 40 }],
  ['Last_Name', 'text', { length: 80, mandatory: true }],
  ['Full_Name', 'text', { length: 120, readOnly: true }],
  ['Email', 'email', { unique: 'false' }],
  ['Secondary_Email', 'email'],
  ['Phone', 'phone'],
  ['Mobile', 'phone'],
  ['Fax', 'phone'],
  ['Lead_Source', 'picklist', { picklist: LEAD_SOURCE }],
  ['Email_Opt_Out', 'boolean'],
  ['Description', 'textarea', { textarea: 'large' }],
]

const leads = buildModule(
  1,
  'Leads',
  'Lead',
  [
    ...person,
    ['Company', 'text', { length: 200 }],
    ['Designation', 'text', { length: 100, label: 'Title' }],
    ['Website', 'website'],
    [
      'Lead_Status',
      'picklist',
      {
        picklist: [
          '-None-',
          'Attempted to Contact',
          'Contact in Future',
          'Contacted',
          'Junk Lead',
          'Lost Lead',
          'Not Contacted',
          'Pre-Qualified',
          'Not Qualified',
        ],
      },
    ],
    ['Industry', 'picklist', { picklist: INDUSTRY }],
    ['No_of_Employees', 'integer'],
    ['Annual_Revenue', 'currency'],
    [
      'Rating',
      'picklist',
      {
        picklist: [
          '-None-',
          'Acquired',
          'Active',
          'Market Failed',
          'Project Cancelled',
          'Shut Down',
        ],
      },
    ],
    ['Skype_ID', 'text', { length: 50 }],
    ['Street', 'text', { length: 250 }],
    ['City', 'text', { length: 100 }],
    ['State', 'text', { length: 100 }],
    ['Zip_Code', 'text', { length: 30 }],
    ['Country', 'text', { length: 100 }],
  ],
  { nameField: 'Full_Name', layoutRequired: ['Company'] },
)

const contacts = buildModule(
  2,
  'Contacts',
  'Contact',
  [
    ...person,
    ['Home_Phone', 'phone'],
    ['Other_Phone', 'phone'],
    ['Asst_Phone', 'phone'],
    ['Assistant', 'text', { length: 100 }],
    ['Account_Name', 'lookup', { lookup: 'Accounts' }],
    ['Reports_To', 'lookup', { lookup: 'Contacts' }],
    ['Date_of_Birth', 'date'],
    ['Title', 'text', { length: 100 }],
    ['Department', 'text', { length: 100 }],
    ...address('Mailing', 'Zip'),
    ...address('Other', 'Zip'),
  ],
  { nameField: 'Full_Name' },
)

const accounts = buildModule(
  3,
  'Accounts',
  'Account',
  [
    ['Account_Name', 'text', { length: 200, mandatory: true }],
    ['Account_Number', 'text', { length: 40 }],
    ['Account_Site', 'text', { length: 80 }],
    ['Parent_Account', 'lookup', { lookup: 'Accounts' }],
    [
      'Account_Type',
      'picklist',
      {
        picklist: [
          '-None-',
          'Analyst',
          'Competitor',
          'Customer',
          'Distributor',
          'Integrator',
          'Investor',
          'Other',
          'Partner',
          'Press',
          'Prospect',
          'Reseller',
          'Supplier',
          'Vendor',
        ],
      },
    ],
    ['Industry', 'picklist', { picklist: INDUSTRY }],
    ['Employees', 'integer'],
    ['Annual_Revenue', 'currency'],
    ['Ticker_Symbol', 'text', { length: 30 }],
    ['Phone', 'phone'],
    ['Fax', 'phone'],
    ['Website', 'website'],
    ...address('Billing', 'Code'),
    ...address('Shipping', 'Code'),
    ['Description', 'textarea', { textarea: 'large' }],
  ],
  { nameField: 'Account_Name' },
)

const deals = buildModule(
  4,
  'Deals',
  'Deal',
  [
    ['Deal_Name', 'text', { length: 120, mandatory: true }],
    ['Account_Name', 'lookup', { lookup: 'Accounts' }],
    ['Contact_Name', 'lookup', { lookup: 'Contacts' }],
    ['Amount', 'currency'],
    ['Stage', 'picklist', { picklist: STAGE, mandatory: true }],
    ['Closing_Date', 'date', { mandatory: true }],
    ['Probability', 'percent'],
    ['Expected_Revenue', 'currency', { readOnly: true }],
    [
      'Type',
      'picklist',
      {
        picklist: ['-None-', 'Existing Business', 'New Business'],
      },
    ],
    ['Next_Step', 'text', { length: 100 }],
    ['Lead_Source', 'picklist', { picklist: LEAD_SOURCE }],
    ['Description', 'textarea', { textarea: 'large' }],
  ],
  { nameField: 'Deal_Name' },
)

/** A custom module with one field of every data type bulk write accepts. */
const projects = buildModule(
  5,
  'Projects',
  'Project',
  [
    ['Name', 'text', { length: 120, mandatory: true, label: 'Project Name' }],
    ['Project_Code', 'text', { length: 20, unique: 'true' }],
    ['Single_Line', 'text'],
    ['Multi_Line_Small', 'textarea', { textarea: 'small' }],
    ['Multi_Line_Large', 'textarea', { textarea: 'large' }],
    ['Email_Field', 'email', { unique: 'false' }],
    ['Phone_Field', 'phone'],
    ['Pick_List', 'picklist', { picklist: ['-None-', 'Red', 'Green', 'Blue'] }],
    [
      'Multi_Select',
      'multiselectpicklist',
      {
        picklist: ['Analytics', 'Bigdata', 'Cloud'],
      },
    ],
    ['Date_Field', 'date'],
    ['Date_Time', 'datetime'],
    ['Number_Field', 'integer'],
    ['Currency_Field', 'currency'],
    ['Decimal_Field', 'double'],
    ['Percent_Field', 'percent'],
    ['Long_Integer', 'bigint'],
    ['Checkbox', 'boolean'],
    ['URL_Field', 'website'],
    ['Lookup_Field', 'lookup', { lookup: 'Accounts' }],
  ],
  { nameField: 'Name', info: { generated_type: 'custom' } },
)

/** Modules Zoho lists but bulk write refuses (`MODULE_NOT_AVAILABLE`). */
const calls = buildModule(
  6,
  'Calls',
  'Call',
  [['Subject', 'text', { mandatory: true }]],
  { nameField: 'Subject', bulkWritable: false },
)

const notes = buildModule(
  7,
  'Notes',
  'Note',
  [['Note_Content', 'textarea', { mandatory: true }]],
  { nameField: 'Note_Content', bulkWritable: false },
)

/** Builds a fresh copy of the seed modules with lookups pointing at ids. */
export function seedModules(): ModuleSeed[] {
  const all = structuredClone([
    leads,
    contacts,
    accounts,
    deals,
    projects,
    calls,
    notes,
  ])
  const ids = new Map(all.map((m) => [m.info.api_name, m.info.id]))
  for (const module of all) {
    for (const f of module.fields) {
      if (f.lookup.module)
        f.lookup.module.id = ids.get(f.lookup.module.api_name) ?? ''
    }
  }
  return all
}
