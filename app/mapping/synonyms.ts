/**
 * Header words people use for CRM fields, by normalised header. Each entry
 * lists candidate API names, best first; the first one the module has wins.
 * Confidence is below an exact name match because a synonym is a guess.
 */
export interface Synonym {
  headers: string[]
  fields: string[]
  confidence: number
}

/** Common header synonyms across Leads, Contacts and Accounts. */
export const SYNONYMS: Synonym[] = [
  {
    headers: ['email', 'emailaddress', 'mail', 'emailid', 'email1'],
    fields: ['Email', 'Email_Field'],
    confidence: 0.95,
  },
  {
    headers: ['email2', 'otheremail', 'alternateemail'],
    fields: ['Secondary_Email'],
    confidence: 0.85,
  },
  {
    headers: ['surname', 'familyname', 'lname', 'last'],
    fields: ['Last_Name'],
    confidence: 0.9,
  },
  {
    headers: ['givenname', 'forename', 'fname', 'first'],
    fields: ['First_Name'],
    confidence: 0.9,
  },
  {
    headers: ['phone1', 'telephone', 'tel', 'phonenumber', 'workphone'],
    fields: ['Phone', 'Phone_Field'],
    confidence: 0.85,
  },
  {
    headers: ['mobilephone', 'cell', 'cellphone', 'mobilenumber', 'gsm'],
    fields: ['Mobile'],
    confidence: 0.85,
  },
  {
    headers: ['phone2', 'otherphone', 'alternatephone'],
    fields: ['Other_Phone', 'Mobile'],
    confidence: 0.7,
  },
  {
    headers: ['zip', 'zipcode', 'postcode', 'postalcode', 'plz'],
    fields: ['Mailing_Zip', 'Zip_Code', 'Billing_Code'],
    confidence: 0.85,
  },
  {
    headers: ['city', 'town'],
    fields: ['Mailing_City', 'City', 'Billing_City'],
    confidence: 0.85,
  },
  {
    headers: ['street', 'address', 'streetaddress', 'address1'],
    fields: ['Mailing_Street', 'Street', 'Billing_Street'],
    confidence: 0.8,
  },
  {
    headers: ['state', 'province', 'region', 'county'],
    fields: ['Mailing_State', 'State', 'Billing_State'],
    confidence: 0.8,
  },
  {
    headers: ['country', 'nation'],
    fields: ['Mailing_Country', 'Country', 'Billing_Country'],
    confidence: 0.85,
  },
  {
    headers: ['website', 'web', 'url', 'homepage', 'site'],
    fields: ['Website'],
    confidence: 0.9,
  },
  {
    headers: ['jobtitle', 'position', 'role', 'designation'],
    fields: ['Title', 'Designation'],
    confidence: 0.8,
  },
  {
    headers: ['notes', 'note', 'comments', 'comment', 'remarks'],
    fields: ['Description'],
    confidence: 0.75,
  },
  {
    headers: ['dob', 'birthday', 'birthdate', 'dateofbirth'],
    fields: ['Date_of_Birth'],
    confidence: 0.9,
  },
  {
    headers: ['source', 'leadsource', 'channel'],
    fields: ['Lead_Source'],
    confidence: 0.75,
  },
  {
    headers: ['company', 'companyname', 'organisation', 'organization'],
    // Leads hold the company as text. On Contacts the account is a lookup
    // that must already exist, so it is only offered, never taken unasked.
    fields: ['Company', 'Account_Name'],
    confidence: 0.85,
  },
]

/** Confidence for a synonym that lands on a lookup field: offered only. */
export const LOOKUP_SYNONYM_CONFIDENCE = 0.5
