import type { ContactRole } from '@shared/domain/vocabulary';
import { DEMO_DISTRICTS, DISTRICT_STAFF, INDEPENDENT_CONTACTS, PROVIDER_SPECIALTIES, type DemoDistrict } from './demo-districts';
import { STAFF_FIRST_NAMES, STAFF_SURNAMES } from './demo-people';
import type { DemoWriter } from './demo-writer';
import type { SeededRandom } from './random';
import type { DemoContact } from './timeline-builder';

export interface DirectoryDistrict {
  id: number;
  profile: DemoDistrict;
  staff: Map<ContactRole, DemoContact[]>;
}

/** The districts and the professionals every demo case draws its people from. */
export interface Directory {
  districts: DirectoryDistrict[];
  independents: Map<ContactRole, DemoContact[]>;
}

/** 'Cárdenas' → 'cardenas', 'Đặng' → 'dang': for invented e-mail addresses. */
export function asciiSlug(text: string): string {
  return text
    .replace(/[Đđ]/g, 'd')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/** 555-0100 to 555-0199 are reserved for fiction, so no demo number rings a real phone. */
export function fictionalPhone(rng: SeededRandom, areaCode: string): string {
  return `(${areaCode}) 555-01${String(rng.int(0, 99)).padStart(2, '0')}`;
}

function uniqueName(rng: SeededRandom, used: Set<string>): string {
  for (;;) {
    const name = `${rng.pick(STAFF_FIRST_NAMES)} ${rng.pick(STAFF_SURNAMES)}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

export function createDirectory(writer: DemoWriter, rng: SeededRandom): Directory {
  const used = new Set<string>();
  const districts = DEMO_DISTRICTS.map((profile) => {
    const id = writer.district(profile.name, profile.state);
    const staff = new Map<ContactRole, DemoContact[]>();
    for (const { role, count, title } of DISTRICT_STAFF) {
      const people: DemoContact[] = [];
      for (let i = 0; i < count; i++) {
        const name = uniqueName(rng, used);
        const personTitle = role === 'related_service_provider' ? PROVIDER_SPECIALTIES[i % PROVIDER_SPECIALTIES.length]! : title;
        const [first, ...rest] = name.split(' ');
        const contactId = writer.contact({
          name,
          role,
          organization: role === 'district_counsel' ? `${rest.join(' ')} & Partners LLP (for ${profile.name})` : profile.name,
          districtId: id,
          email: `${asciiSlug(first!)}.${asciiSlug(rest.join(''))}@${profile.emailDomain}`,
          phone: fictionalPhone(rng, profile.areaCode),
          notes: personTitle === title ? null : personTitle,
        });
        people.push({ id: contactId, name, role, title: personTitle });
      }
      staff.set(role, people);
    }
    return { id, profile, staff };
  });

  const independents = new Map<ContactRole, DemoContact[]>();
  for (const { role, organization, note } of INDEPENDENT_CONTACTS) {
    const name = uniqueName(rng, used);
    const [first, ...rest] = name.split(' ');
    const id = writer.contact({
      name,
      role,
      organization,
      districtId: null,
      email: `${asciiSlug(first!)}.${asciiSlug(rest.join(''))}@${asciiSlug(organization.split(' ').slice(0, 2).join(''))}.example.com`,
      phone: fictionalPhone(rng, '800'),
      notes: note,
    });
    const title = role === 'evaluator' ? 'Independent evaluator' : role === 'mediator' ? 'Mediator' : 'Attorney';
    independents.set(role, [...(independents.get(role) ?? []), { id, name, role, title }]);
  }
  return { districts, independents };
}
