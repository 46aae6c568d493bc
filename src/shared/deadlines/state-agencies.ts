/**
 * The state educational agency (SEA) that receives a state complaint (34 CFR 300.151–300.153)
 * for the states with presets, with the mailing address its own complaint pages give. Like the
 * presets these are marked "verify": offices move and units are renamed. Every other state gets
 * the neutral "State educational agency" and an address the advocate fills in.
 */
export interface StateAgency {
  /** Short name used in sentences: 'TEA'. */
  abbreviation: string | null;
  name: string;
  /** Lines under the name on the letter: unit, street, city. */
  address: string[];
  /** The state's own complaint rule beside the federal one. */
  complaintCitation: string | null;
  isVerified: boolean;
}

const AGENCIES: Record<string, StateAgency> = {
  TX: {
    abbreviation: 'TEA',
    name: 'Texas Education Agency',
    // TEA's special education complaints page (mail, fax or hand delivery; a copy to the LEA).
    address: ['Special Education Complaints', '1701 North Congress Avenue', 'Austin, TX 78701-1494'],
    complaintCitation: null,
    isVerified: false,
  },
  IL: {
    abbreviation: 'ISBE',
    name: 'Illinois State Board of Education',
    address: ['Special Education Services, State Complaints', '100 North First Street', 'Springfield, IL 62777'],
    complaintCitation: '23 Ill. Adm. Code 226.570',
    isVerified: false,
  },
  CA: {
    abbreviation: 'CDE',
    name: 'California Department of Education',
    // CDE's "Complaint Process" page: Special Education Division, fax or mail.
    address: ['Special Education Division, Procedural Safeguards Referral Service', '1430 N Street, Suite 2401', 'Sacramento, CA 95814-5901'],
    complaintCitation: 'Cal. Code Regs., tit. 5, 4650',
    isVerified: false,
  },
  MD: {
    abbreviation: 'MSDE',
    name: 'Maryland State Department of Education',
    address: [
      'Division of Early Intervention and Special Education Services',
      'Family Support and Dispute Resolution Branch',
      '200 West Baltimore Street',
      'Baltimore, MD 21201',
    ],
    complaintCitation: 'COMAR 13A.05.01.15',
    isVerified: false,
  },
};

export const NEUTRAL_STATE_AGENCY: StateAgency = {
  abbreviation: null,
  name: 'State educational agency',
  address: [],
  complaintCitation: null,
  isVerified: false,
};

/** The agency for a two-letter state code, or the neutral wording for states without a preset. */
export function stateAgencyFor(state: string | null | undefined): StateAgency {
  return (state && AGENCIES[state.toUpperCase()]) || NEUTRAL_STATE_AGENCY;
}

export function hasStateAgencyPreset(state: string | null | undefined): boolean {
  return Boolean(state && AGENCIES[state.toUpperCase()]);
}
