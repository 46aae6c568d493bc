import dayjs from 'dayjs';
import { CASE_STAGES, ELIGIBILITY_CATEGORIES, type CaseStage, type ContactRole } from '@shared/domain/vocabulary';
import { planAgreement } from './demo-agreements';
import { addDays, minDate } from './demo-dates';
import { asciiSlug, fictionalPhone, type Directory, type DirectoryDistrict } from './demo-directory';
import { GUARDIAN_RELATIONSHIPS, NAME_POOLS, STREET_NAMES, type NamePool } from './demo-people';
import { CASE_THEMES, type CaseTheme } from './demo-themes';
import { planCase } from './demo-timeline';
import type { DemoWriter } from './demo-writer';
import type { SeededRandom } from './random';
import type { CaseSetting, DemoContact } from './timeline-builder';

/** How a caseload spreads over the escalation ladder: most cases are early or being monitored. */
const STAGE_WEIGHTS: Record<CaseStage, number> = {
  intake: 8,
  informal_negotiation: 14,
  iep_meeting: 15,
  iee: 14,
  mediation: 12,
  state_complaint: 7,
  due_process: 7,
  monitoring: 15,
  closed: 8,
};

/** Roughly the national mix of IDEA eligibility categories; the rest are rare. */
const COMMON_CATEGORIES: Record<string, number> = {
  'Specific learning disability': 30,
  'Speech or language impairment': 18,
  'Other health impairment': 15,
  Autism: 13,
};
const CATEGORY_WEIGHTS: readonly (readonly [string, number])[] = ELIGIBILITY_CATEGORIES.map((category) => [category, COMMON_CATEGORIES[category] ?? 3]);

const COST_CRITERIA = [
  'District cap $3,500; evaluator licensed in the state and within 60 miles',
  "Rate capped at the district's usual contract rate; no distance limit",
  'District cap $5,000 for neuropsychological evaluations; $2,000 for other areas',
  null,
] as const;

const FAMILY_NOTES = [
  'Prefers text messages; works evenings.',
  'Both parents attend meetings; send documents a week ahead.',
  'Grandmother attends meetings with the parent.',
  'Has a folder of district emails going back two years.',
  null,
  null,
] as const;

const PARENT_GOALS = [
  'keep the student in general education with the right support',
  'services delivered as written, with make-up time for what was missed',
  'an independent look at what the student actually needs',
  'a placement where the student feels safe',
] as const;

function gradeFor(dateOfBirth: string, today: string): string {
  const now = dayjs(today);
  const schoolYear = now.month() >= 7 ? now.year() : now.year() - 1;
  const ageOnSeptemberFirst = dayjs(`${schoolYear}-09-01`).diff(dayjs(dateOfBirth), 'year');
  const grade = ageOnSeptemberFirst - 5;
  if (grade < 0) return 'Pre-K';
  if (grade === 0) return 'K';
  if (grade > 12) return 'Transition (18-22)';
  return String(grade);
}

function schoolFor(district: DirectoryDistrict, grade: string, rng: SeededRandom): string {
  const level = ['Pre-K', 'K', '1', '2', '3', '4', '5'].includes(grade) ? 'elementary' : ['6', '7', '8'].includes(grade) ? 'middle' : 'high';
  return rng.pick(district.profile.schools[level]);
}

function pickDistrict(directory: Directory, rng: SeededRandom): DirectoryDistrict {
  return rng.weighted(directory.districts.map((district) => [district, district.profile.weight] as const));
}

interface GuardianDraft {
  name: string;
  relationship: string;
  email: string;
  phone: string;
  isPrimary: number;
}

function guardiansFor(pool: NamePool, surname: string, district: DirectoryDistrict, rng: SeededRandom): GuardianDraft[] {
  const first = rng.chance(0.78) ? 'woman' : 'man';
  const sexes = rng.chance(0.62) ? [first, first === 'woman' ? 'man' : 'woman'] : [first];
  return sexes.map((sex, index) => {
    const given = rng.pick(sex === 'woman' ? pool.women : pool.men);
    const name = `${given} ${surname}`;
    return {
      name,
      relationship: rng.weighted(GUARDIAN_RELATIONSHIPS[sex as 'woman' | 'man']),
      email: `${asciiSlug(given)}.${asciiSlug(surname)}${rng.int(1, 99)}@${rng.pick(['example.com', 'example.net', 'example.org'])}`,
      phone: fictionalPhone(rng, district.profile.areaCode),
      isPrimary: index === 0 ? 1 : 0,
    };
  });
}

function caseStaff(district: DirectoryDistrict, directory: Directory, rng: SeededRandom): Pick<CaseSetting, 'staff' | 'independent'> {
  const chosen = new Map<ContactRole, DemoContact>();
  const choose = (role: ContactRole, from: Map<ContactRole, DemoContact[]>): DemoContact => {
    let contact = chosen.get(role);
    if (!contact) {
      contact = rng.pick(from.get(role) ?? []);
      chosen.set(role, contact);
    }
    return contact;
  };
  return { staff: (role) => choose(role, district.staff), independent: (role) => choose(role, directory.independents) };
}

/**
 * One demo family: guardians, one or two children, and a case per child at its own stage, with
 * the timeline, IEE request and agreement that stage implies. Returns nothing; the writer counts.
 */
export function seedFamily(writer: DemoWriter, directory: Directory, rng: SeededRandom, today: string): void {
  const pool = rng.weighted(NAME_POOLS.map((candidate) => [candidate, candidate.weight] as const));
  const surname = rng.pick(pool.surnames);
  // Spanish naming often gives children both parents' surnames.
  const secondSurname = pool.language === 'Spanish' && rng.chance(0.35) ? rng.pick(pool.surnames.filter((name) => name !== surname)) : null;
  const childSurname = secondSurname ? `${surname} ${secondSurname}` : surname;
  const homeDistrict = pickDistrict(directory, rng);
  const guardians = guardiansFor(pool, surname, homeDistrict, rng);
  const guardianName = guardians[0]!.name;
  const primaryLanguage = rng.chance(pool.homeLanguageShare) ? pool.language : 'English';

  const childNames = rng.sample(pool.children, rng.chance(0.35) ? 2 : 1);
  const children = childNames.map((firstName) => {
    const district = rng.chance(0.88) ? homeDistrict : pickDistrict(directory, rng);
    const theme: CaseTheme = rng.weighted(CASE_THEMES.map((candidate) => [candidate, candidate.weight] as const));
    const stage = rng.weighted(CASE_STAGES.map((candidate) => [candidate, STAGE_WEIGHTS[candidate]] as const));
    const age = rng.weighted([
      [rng.int(4, 5), 2],
      [rng.int(6, 10), 8],
      [rng.int(11, 14), 7],
      [rng.int(15, 20), 4],
    ] as const);
    const dateOfBirth = dayjs(today).subtract(age, 'year').subtract(rng.int(0, 364), 'day').format('YYYY-MM-DD');
    const grade = gradeFor(dateOfBirth, today);
    const category = rng.chance(0.75) ? rng.pick(theme.categories) : rng.weighted(CATEGORY_WEIGHTS);
    const issues = rng.sample(theme.issues, rng.int(2, 4));
    const reliability = Math.min(0.97, Math.max(0.5, district.profile.reliability + (rng.next() - 0.5) * 0.16));
    const setting: CaseSetting = {
      rng,
      today,
      stage,
      theme,
      issues,
      studentFirstName: firstName,
      dateOfBirth,
      eligibilityCategory: category,
      guardianName,
      districtName: district.profile.name,
      reliability,
      ...caseStaff(district, directory, rng),
    };
    return { firstName, district, theme, stage, dateOfBirth, grade, category, issues, reliability, setting, plan: planCase(setting) };
  });

  const engagedOn = children.reduce((earliest, child) => minDate(earliest, child.plan.openedOn), today);
  const familyId = writer.family({
    name: secondSurname ? `${surname} ${secondSurname} family` : `${surname} family`,
    primaryLanguage,
    email: guardians[0]!.email,
    phone: guardians[0]!.phone,
    address: `${rng.int(100, 9899)} ${rng.pick(STREET_NAMES)}, ${homeDistrict.profile.city}, ${homeDistrict.profile.addressState} ${homeDistrict.profile.zip}`,
    engagedOn,
    consentOn: minDate(today, addDays(engagedOn, rng.int(0, 7))),
    notes: primaryLanguage !== 'English' && rng.chance(0.6) ? `Interpreter needed for meetings (${primaryLanguage}).` : rng.pick(FAMILY_NOTES),
  });
  for (const guardian of guardians) writer.guardian({ familyId, ...guardian });

  for (const child of children) {
    const { plan, district, theme } = child;
    const studentId = writer.student({
      familyId,
      firstName: child.firstName,
      lastName: childSurname,
      dateOfBirth: child.dateOfBirth,
      school: schoolFor(district, child.grade, rng),
      grade: child.grade,
      districtId: district.id,
      eligibilityCategory: plan.iep.isEligible ? child.category : null,
      iepMeetingOn: plan.iep.iepMeetingOn,
      iepStartOn: plan.iep.iepStartOn,
      annualReviewDueOn: plan.iep.annualReviewDueOn,
      triennialDueOn: plan.iep.triennialDueOn,
    });
    const contactIds = new Set(plan.contactIds);
    if (plan.iee?.evaluator) contactIds.add(plan.iee.evaluator.id);
    const caseId = writer.case(
      {
        studentId,
        title: theme.title,
        stage: child.stage,
        issues: JSON.stringify(child.issues),
        jurisdiction: district.profile.state ?? 'US',
        districtId: district.id,
        priorities: `Top priority: ${child.issues[0]}. Parent's goal: ${rng.pick(PARENT_GOALS)}.`,
        openedOn: plan.openedOn,
        closedOn: plan.closedOn,
      },
      [...contactIds],
      plan.events,
    );
    if (plan.iee) {
      writer.ieeRequest({
        caseId,
        disputedEvaluation: plan.iep.evaluationOn ? theme.disputedEvaluation : 'District evaluation',
        disputedEvaluationOn: plan.iep.evaluationOn,
        areas: JSON.stringify(rng.sample(theme.ieeAreas, rng.int(1, theme.ieeAreas.length))),
        requestedOn: plan.iee.requestedOn,
        districtResponse: plan.iee.response,
        respondedOn: plan.iee.respondedOn,
        evaluatorContactId: plan.iee.evaluator?.id ?? null,
        evaluatorName: plan.iee.evaluator?.name ?? null,
        costCriteria: plan.iee.response === 'granted' ? rng.pick(COST_CRITERIA) : null,
        reportReceivedOn: plan.iee.reportReceivedOn,
        silenceThresholdBusinessDays: rng.pick([10, 10, 15, 20]),
        notes: plan.iee.response === 'none_yet' ? 'No written response from the district yet.' : null,
      });
    }
    if (plan.agreement) {
      const specialEducationTeacher = child.setting.staff('special_education_teacher');
      writer.agreement(
        caseId,
        planAgreement({
          rng,
          today,
          theme,
          type: plan.agreement.type,
          signedOn: plan.agreement.signedOn,
          iep: plan.iep,
          reliability: child.reliability,
          guardianName,
          districtName: district.profile.name,
          providerName: (title) => {
            const specialist = district.staff.get('related_service_provider')?.find((contact) => contact.title === title);
            if (specialist) return specialist.name;
            return title === 'Special-education teacher' ? specialEducationTeacher.name : title;
          },
        }),
      );
    }
  }
}
