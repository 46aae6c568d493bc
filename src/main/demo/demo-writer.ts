import type Database from 'better-sqlite3';
import type { Sqlite } from '../db/connection';
import type { DraftAgreement } from './demo-agreements';
import type { DraftEvent } from './timeline-builder';

export interface DemoCounts {
  families: number;
  students: number;
  cases: number;
  events: number;
  ieeRequests: number;
  agreements: number;
  terms: number;
  deliveries: number;
}

type Row = Record<string, string | number | null>;

const STATEMENTS = {
  district: 'INSERT OR IGNORE INTO districts (name, state) VALUES (@name, @state)',
  districtId: 'SELECT id FROM districts WHERE name = ? AND state IS ?',
  contact: `INSERT INTO contacts (name, role, organization, district_id, email, phone, notes)
            VALUES (@name, @role, @organization, @districtId, @email, @phone, @notes)`,
  family: `INSERT INTO families (name, primary_language, email, phone, address, engaged_on, consent_on, notes, created_at, updated_at)
           VALUES (@name, @primaryLanguage, @email, @phone, @address, @engagedOn, @consentOn, @notes, @stamp, @stamp)`,
  guardian: `INSERT INTO guardians (family_id, name, relationship, email, phone, is_primary)
             VALUES (@familyId, @name, @relationship, @email, @phone, @isPrimary)`,
  student: `INSERT INTO students (family_id, first_name, last_name, date_of_birth, school, grade, district_id, eligibility_category,
                                  iep_meeting_on, iep_start_on, annual_review_due_on, triennial_due_on)
            VALUES (@familyId, @firstName, @lastName, @dateOfBirth, @school, @grade, @districtId, @eligibilityCategory,
                    @iepMeetingOn, @iepStartOn, @annualReviewDueOn, @triennialDueOn)`,
  case: `INSERT INTO cases (student_id, title, stage, issues, jurisdiction, district_id, priorities, opened_on, closed_on, created_at, updated_at)
         VALUES (@studentId, @title, @stage, @issues, @jurisdiction, @districtId, @priorities, @openedOn, @closedOn, @stamp, @stamp)`,
  caseContact: 'INSERT OR IGNORE INTO case_contacts (case_id, contact_id) VALUES (?, ?)',
  event: `INSERT INTO events (case_id, occurred_on, type, kind, attributes, title, details, people, contact_id, created_at, updated_at)
          VALUES (@caseId, @occurredOn, @type, @kind, @attributes, @title, @details, @people, @contactId, @stamp, @stamp)`,
  ieeRequest: `INSERT INTO iee_requests (case_id, disputed_evaluation, disputed_evaluation_on, areas, requested_on, district_response,
                                         responded_on, evaluator_contact_id, evaluator_name, cost_criteria, report_received_on,
                                         silence_threshold_business_days, notes, created_at, updated_at)
               VALUES (@caseId, @disputedEvaluation, @disputedEvaluationOn, @areas, @requestedOn, @districtResponse,
                       @respondedOn, @evaluatorContactId, @evaluatorName, @costCriteria, @reportReceivedOn,
                       @silenceThresholdBusinessDays, @notes, @stamp, @stamp)`,
  agreement: `INSERT INTO agreements (case_id, type, title, signed_on, parties, notes, created_at, updated_at)
              VALUES (@caseId, @type, @title, @signedOn, @parties, @notes, @stamp, @stamp)`,
  term: `INSERT INTO agreement_terms (agreement_id, category, description, schedule, amount, unit, period, provider, location,
                                     starts_on, ends_on, makeup_rule, makeup_deadline, makeup_clause, review_dates, goal)
         VALUES (@agreementId, @category, @description, @schedule, @amount, @unit, @period, @provider, @location,
                 @startsOn, @endsOn, @makeupRule, @makeupDeadline, @makeupClause, @reviewDates, @goal)`,
  delivery: `INSERT INTO deliveries (term_id, delivered_on, minutes, count, provider, status, note, replaces_delivery_id, created_at)
             VALUES (@termId, @deliveredOn, @minutes, @count, @provider, @status, @note, @replacesDeliveryId, @stamp)`,
} as const;

/**
 * Prepared statements for the demo import, prepared once and run many times inside the caller's
 * transaction: a 500-family caseload is tens of thousands of rows and must load in seconds.
 * Timestamps are the injected clock's, so the same seed and clock give the same rows.
 */
export class DemoWriter {
  readonly counts: DemoCounts = { families: 0, students: 0, cases: 0, events: 0, ieeRequests: 0, agreements: 0, terms: 0, deliveries: 0 };
  private readonly statements: { [K in keyof typeof STATEMENTS]: Database.Statement<unknown[]> };

  constructor(
    sqlite: Sqlite,
    private readonly stamp: string,
  ) {
    this.statements = Object.fromEntries(Object.entries(STATEMENTS).map(([key, sql]) => [key, sqlite.prepare(sql)])) as DemoWriter['statements'];
  }

  private insert(statement: keyof typeof STATEMENTS, row: Row): number {
    return Number(this.statements[statement].run({ stamp: this.stamp, ...row }).lastInsertRowid);
  }

  /** The district's id, reusing a district of the same name and state already in the vault. */
  district(name: string, state: string | null): number {
    this.statements.district.run({ name, state });
    return (this.statements.districtId.get(name, state) as { id: number }).id;
  }

  contact(row: {
    name: string;
    role: string;
    organization: string | null;
    districtId: number | null;
    email: string | null;
    phone: string | null;
    notes: string | null;
  }): number {
    return this.insert('contact', row);
  }

  family(row: Row): number {
    this.counts.families++;
    return this.insert('family', row);
  }

  guardian(row: Row): number {
    return this.insert('guardian', row);
  }

  student(row: Row): number {
    this.counts.students++;
    return this.insert('student', row);
  }

  case(row: Row, contactIds: readonly number[], events: readonly DraftEvent[]): number {
    this.counts.cases++;
    const caseId = this.insert('case', row);
    for (const contactId of contactIds) this.statements.caseContact.run(caseId, contactId);
    for (const event of events) this.insert('event', { caseId, ...event });
    this.counts.events += events.length;
    return caseId;
  }

  ieeRequest(row: Row): number {
    this.counts.ieeRequests++;
    return this.insert('ieeRequest', row);
  }

  agreement(caseId: number, agreement: DraftAgreement): number {
    this.counts.agreements++;
    const agreementId = this.insert('agreement', {
      caseId,
      type: agreement.type,
      title: agreement.title,
      signedOn: agreement.signedOn,
      parties: agreement.parties,
      notes: agreement.notes,
    });
    for (const { deliveries, schedule, reviewDates, makeupClause, ...term } of agreement.terms) {
      this.counts.terms++;
      const termId = this.insert('term', {
        agreementId,
        ...term,
        schedule: JSON.stringify(schedule),
        makeupClause: makeupClause ? JSON.stringify(makeupClause) : null,
        reviewDates: JSON.stringify(reviewDates),
      });
      // A make-up names the miss it replaces by its place in the draft log: earlier lines get their ids first.
      const ids: number[] = [];
      for (const { replacesIndex, ...delivery } of deliveries) {
        const replacesDeliveryId = replacesIndex === undefined ? null : (ids[replacesIndex] ?? null);
        ids.push(this.insert('delivery', { termId, ...delivery, replacesDeliveryId }));
      }
      this.counts.deliveries += deliveries.length;
    }
    return agreementId;
  }
}
