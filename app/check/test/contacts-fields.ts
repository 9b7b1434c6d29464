import type { CrmDataType, CrmField } from '../../fields/crm-field.ts'
import type {
  FieldMapping,
  ImportMapping,
} from '../../mapping/import-mapping.ts'

/** A CrmField with plain defaults, for tests. */
export function field(
  apiName: string,
  dataType: CrmDataType,
  extra: Partial<CrmField> = {},
): CrmField {
  return {
    apiName,
    label: apiName.replace(/_/g, ' '),
    dataType,
    rawDataType: dataType,
    length: null,
    decimalPlaces: null,
    mandatory: false,
    unique: false,
    uniqueCaseSensitive: false,
    picklistValues: [],
    lookupModule: null,
    textareaType: null,
    creatable: true,
    updatable: true,
    ...extra,
  }
}

/** Contacts as the tests know it: enough of each kind of field. */
export const CONTACT_FIELDS: CrmField[] = [
  field('Last_Name', 'text', { length: 80, mandatory: true }),
  field('First_Name', 'text', { length: 40 }),
  field('Email', 'email', { length: 100, unique: true }),
  field('Phone', 'phone', { length: 30 }),
  field('Mobile', 'phone', { length: 30 }),
  field('Mailing_Street', 'text', { length: 250 }),
  field('Mailing_City', 'text', { length: 100 }),
  field('Mailing_Country', 'text', { length: 100 }),
  field('Date_of_Birth', 'date', { label: 'Date of Birth' }),
  field('Email_Opt_Out', 'boolean', { label: 'Email Opt Out' }),
  field('Lead_Source', 'picklist', {
    label: 'Lead Source',
    picklistValues: ['Advertisement', 'Cold Call', 'Trade Show', 'Web'],
  }),
  field('Account_Name', 'lookup', {
    label: 'Account Name',
    lookupModule: 'Accounts',
  }),
  field('Description', 'textarea', { textareaType: 'small' }),
  field('Website', 'website'),
  field('Annual_Revenue', 'currency', { decimalPlaces: 2 }),
  field('Interests', 'multiselectpicklist', {
    picklistValues: ['Webinar', 'Newsletter', 'Events'],
  }),
]

/** A mapping entry from a column to a field. */
export function mapTo(
  apiName: string,
  column: number | null,
  extra: Partial<FieldMapping> = {},
): FieldMapping {
  return {
    apiName,
    column,
    defaultValue: null,
    lookupFindBy: null,
    ...extra,
  }
}

/** An insert into Contacts with the given field mappings. */
export function contactsInsert(fields: FieldMapping[]): ImportMapping {
  return {
    module: 'Contacts',
    operation: 'insert',
    findBy: null,
    ignoreEmpty: false,
    fields,
  }
}
