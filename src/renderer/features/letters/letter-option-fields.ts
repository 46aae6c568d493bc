/**
 * What a template can ask for when the case data does not supply it. letters.draft names the
 * missing facts as VALIDATION field errors under options.fields.* (e.g. 'options.fields.areas',
 * 'options.fields.allegations.0.facts'); each maps to inputs here, and the values go back as
 * options.fields in the shape the template's schema reads.
 */

export type OptionInputType = 'text' | 'date' | 'lines' | 'longText';

export interface OptionInput {
  /** Dotted path inside options.fields; a path under an array-of-objects field is its one item's. */
  key: string;
  label: string;
  type: OptionInputType;
  description?: string;
}

/** Template fields that hold a list of objects: the form collects one item. */
const OBJECT_LIST_FIELDS = new Set(['allegations', 'openItems']);

const GROUPS: Record<string, OptionInput[]> = {
  disputedEvaluation: [
    { key: 'disputedEvaluation.title', label: 'Disputed evaluation', type: 'text', description: 'e.g. District psycho-educational evaluation' },
    { key: 'disputedEvaluation.date', label: 'Date of that evaluation', type: 'date' },
  ],
  areas: [{ key: 'areas', label: 'Areas the IEE should cover', type: 'lines', description: 'One per line' }],
  meetingDate: [{ key: 'meetingDate', label: 'Meeting date', type: 'date' }],
  meetingType: [{ key: 'meetingType', label: 'Kind of meeting', type: 'text', description: 'e.g. IEP meeting' }],
  concerns: [{ key: 'concerns', label: 'The parents’ concerns', type: 'lines', description: 'One per line' }],
  decisions: [{ key: 'decisions', label: 'What was decided', type: 'lines', description: 'One decision per line' }],
  proposedResolutions: [{ key: 'proposedResolutions', label: 'Proposed resolutions', type: 'lines', description: 'One per line' }],
  allegations: [
    { key: 'allegations.requirement', label: 'Requirement not met', type: 'text', description: 'e.g. the IEP’s speech-language services' },
    { key: 'allegations.citation', label: 'Citation', type: 'text', description: 'e.g. 34 CFR 300.323(c)(2)' },
    { key: 'allegations.facts', label: 'Facts', type: 'longText' },
    { key: 'allegations.lastViolationDate', label: 'Date of the last violation', type: 'date' },
  ],
  stateAgencyName: [{ key: 'stateAgencyName', label: 'State education agency', type: 'text' }],
  reasons: [{ key: 'reasons', label: 'What the meeting should address', type: 'lines', description: 'One per line' }],
  studentAddress: [{ key: 'studentAddress', label: 'Student’s address', type: 'text' }],
};

/** 'options.fields.allegations.0.facts' → 'allegations.facts'; other paths → null. */
export function optionFieldPath(errorPath: string): string | null {
  if (!errorPath.startsWith('options.fields.')) return null;
  return errorPath
    .slice('options.fields.'.length)
    .split('.')
    .filter((segment) => !/^\d+$/.test(segment))
    .join('.');
}

function humanize(name: string): string {
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The inputs that answer a missing field: its whole group, so related facts are asked together. */
export function inputsFor(path: string): OptionInput[] {
  const top = path.split('.')[0]!;
  return GROUPS[top] ?? [{ key: path, label: humanize(path.split('.').at(-1)!), type: 'text' }];
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let cursor = target;
  for (const segment of path.slice(0, -1)) {
    cursor[segment] = (cursor[segment] as Record<string, unknown> | undefined) ?? {};
    cursor = cursor[segment] as Record<string, unknown>;
  }
  cursor[path.at(-1)!] = value;
}

/** The form's values as options.fields: lines become lists, a list-of-objects field one item. */
export function fieldsFromValues(inputs: OptionInput[], values: Record<string, string>): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const input of inputs) {
    const raw = (values[input.key] ?? '').trim();
    if (!raw) continue;
    const value =
      input.type === 'lines'
        ? raw
            .split(/\r?\n/)
            .map((line) => line.trim())
            .filter(Boolean)
        : raw;
    const [top, ...rest] = input.key.split('.');
    if (OBJECT_LIST_FIELDS.has(top!) && rest.length > 0) {
      const list = (fields[top!] as Record<string, unknown>[] | undefined) ?? [{}];
      setPath(list[0]!, rest, value);
      fields[top!] = list;
    } else {
      setPath(fields, input.key.split('.'), value);
    }
  }
  return fields;
}
