import type { ContactRole } from '@shared/domain/vocabulary';

/**
 * Invented school districts in a few states, plus one district under federal rules only, so the
 * demo exercises state timelines and the federal default (34 CFR Part 300) side by side.
 */
export interface DemoDistrict {
  name: string;
  /** null: no state overrides apply, cases use the federal ('US') rules. */
  state: 'TX' | 'IL' | 'CA' | 'MD' | null;
  city: string;
  /** Where its families' mailing addresses are: a federal school system still sits in a state. */
  addressState: string;
  zip: string;
  areaCode: string;
  emailDomain: string;
  schools: { elementary: readonly string[]; middle: readonly string[]; high: readonly string[] };
  /** How reliably the district delivers services: the share of sessions that happen as written. */
  reliability: number;
  weight: number;
}

export const DEMO_DISTRICTS: readonly DemoDistrict[] = [
  {
    name: 'Brazos Bend Independent School District',
    state: 'TX',
    city: 'Rosenfield',
    addressState: 'TX',
    zip: '77471',
    areaCode: '281',
    emailDomain: 'brazosbendisd.example.org',
    schools: {
      elementary: ['Cottonwood Elementary', 'Bluebonnet Elementary', 'Oyster Creek Elementary'],
      middle: ['Lamar Crossing Middle School'],
      high: ['Brazos Bend High School'],
    },
    reliability: 0.72,
    weight: 16,
  },
  {
    name: 'Cedar Hollow ISD',
    state: 'TX',
    city: 'Cedar Hollow',
    addressState: 'TX',
    zip: '78613',
    areaCode: '512',
    emailDomain: 'cedarhollowisd.example.org',
    schools: {
      elementary: ['Live Oak Elementary', 'Shady Springs Elementary'],
      middle: ['Cedar Hollow Middle School'],
      high: ['Cedar Hollow High School', 'Vista Ridge Academy'],
    },
    reliability: 0.85,
    weight: 12,
  },
  {
    name: 'Prairie Ridge Community Unit School District 204',
    state: 'IL',
    city: 'Prairie Ridge',
    addressState: 'IL',
    zip: '60540',
    areaCode: '630',
    emailDomain: 'prd204.example.org',
    schools: {
      elementary: ['Fox Meadow Elementary', 'Heritage Grove Elementary', 'Indian Plains Elementary'],
      middle: ['Granger Middle School'],
      high: ['Prairie Ridge North High School'],
    },
    reliability: 0.88,
    weight: 13,
  },
  {
    name: 'Kettle Creek School District 87',
    state: 'IL',
    city: 'Kettle Creek',
    addressState: 'IL',
    zip: '60126',
    areaCode: '708',
    emailDomain: 'kcsd87.example.org',
    schools: {
      elementary: ['Lincoln Park Elementary', 'Sandburg Elementary'],
      middle: ['Kettle Creek Junior High'],
      high: ['Kettle Creek West High School'],
    },
    reliability: 0.66,
    weight: 10,
  },
  {
    name: 'Sierra Vista Unified School District',
    state: 'CA',
    city: 'Sierra Vista',
    addressState: 'CA',
    zip: '95610',
    areaCode: '916',
    emailDomain: 'svusd.example.org',
    schools: {
      elementary: ['Manzanita Elementary', 'Arroyo Seco Elementary', 'Golden Poppy Elementary'],
      middle: ['John Muir Middle School'],
      high: ['Sierra Vista High School'],
    },
    reliability: 0.78,
    weight: 15,
  },
  {
    name: 'Laguna Mesa Unified School District',
    state: 'CA',
    city: 'Laguna Mesa',
    addressState: 'CA',
    zip: '92056',
    areaCode: '760',
    emailDomain: 'lmusd.example.org',
    schools: {
      elementary: ['Pacific Bluffs Elementary', 'Mission Trail Elementary'],
      middle: ['Laguna Mesa Middle School'],
      high: ['Laguna Mesa High School', 'Coastal Pathways Continuation High'],
    },
    reliability: 0.9,
    weight: 11,
  },
  {
    name: 'Chesapeake Shores County Public Schools',
    state: 'MD',
    city: 'Severn Landing',
    addressState: 'MD',
    zip: '21144',
    areaCode: '410',
    emailDomain: 'cscps.example.org',
    schools: {
      elementary: ['Bay Meadow Elementary', 'Tidewater Elementary', 'Severn Landing Elementary'],
      middle: ['Magothy Point Middle School'],
      high: ['Chesapeake Shores High School'],
    },
    reliability: 0.8,
    weight: 13,
  },
  {
    name: 'Fort Halloway Federal Schools',
    state: null,
    city: 'Fort Halloway',
    addressState: 'GA',
    zip: '31905',
    areaCode: '706',
    emailDomain: 'fhfs.example.org',
    schools: {
      elementary: ['Halloway Elementary', 'Patriot Ridge Elementary'],
      middle: ['Halloway Middle School'],
      high: ['Halloway High School'],
    },
    reliability: 0.83,
    weight: 6,
  },
];

/** District staff each demo district has, by role, with how many of each. */
export const DISTRICT_STAFF: readonly { role: ContactRole; count: number; title: string }[] = [
  { role: 'case_manager', count: 3, title: 'Case manager' },
  { role: 'special_education_teacher', count: 2, title: 'Special-education teacher' },
  { role: 'general_education_teacher', count: 2, title: 'Classroom teacher' },
  { role: 'school_psychologist', count: 2, title: 'School psychologist' },
  { role: 'related_service_provider', count: 3, title: 'Related-service provider' },
  { role: 'principal', count: 2, title: 'Principal' },
  { role: 'program_specialist', count: 1, title: 'Program specialist' },
  { role: 'director_of_special_education', count: 1, title: 'Director of special education' },
  { role: 'assistant_superintendent', count: 1, title: 'Assistant superintendent for student services' },
  { role: 'district_counsel', count: 1, title: 'District counsel' },
];

/** Specialties of related-service providers; the demo picks one per provider. */
export const PROVIDER_SPECIALTIES = [
  'Speech-language pathologist',
  'Occupational therapist',
  'Board-certified behavior analyst',
  'Physical therapist',
  'Reading interventionist',
] as const;

/** Independent professionals the advocate works with, not employed by any district. */
export const INDEPENDENT_CONTACTS: readonly { role: ContactRole; organization: string; note: string }[] = [
  { role: 'evaluator', organization: 'Northstar Neuropsychology Associates', note: 'Neuropsychologist; psycho-educational IEEs' },
  { role: 'evaluator', organization: 'Clear Voice Speech & Language Clinic', note: 'Speech-language IEEs' },
  { role: 'evaluator', organization: 'Hands Forward Pediatric Therapy', note: 'OT and sensory IEEs' },
  { role: 'evaluator', organization: 'Bright Path Behavior Consulting', note: 'FBA and behavior IEEs' },
  { role: 'evaluator', organization: 'Access Assistive Technology Lab', note: 'Assistive technology evaluations' },
  { role: 'mediator', organization: 'State Special Education Mediation Panel', note: 'Mediator on the state panel' },
  { role: 'mediator', organization: 'Common Ground Dispute Resolution', note: 'Private mediator' },
  { role: 'mediator', organization: 'State Special Education Mediation Panel', note: 'Mediator on the state panel' },
  { role: 'attorney', organization: 'Delacroix & Mwangi, Special Education Law', note: 'Parent-side attorney for hearings' },
  { role: 'attorney', organization: 'Disability Rights Legal Clinic', note: 'Legal aid; takes referrals' },
  { role: 'attorney', organization: 'Halvorsen Education Law', note: 'Parent-side attorney; fee agreements' },
];
