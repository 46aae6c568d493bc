/**
 * The position statement for mediation or a resolution session, drafted from the claims (each
 * issue in dispute with what the family proposes) and the meeting-prep worksheet (positions,
 * interests, what the family asks for, the supporting data). The worksheet's "minimum acceptable"
 * and "can compromise" are the family's private negotiation plan: the type below does not even
 * carry them, so they cannot reach a page the district sees. The district's position and the
 * advocate's questions are preparation, not position, and stay out too.
 */
export interface StatementClaim {
  issue: string;
  proposedResolution: string | null;
  /** open | in_negotiation | resolved | withdrawn */
  status: string;
}

export interface StatementWorksheetIssue {
  issue: string;
  familyPosition: string | null;
  familyInterests: string | null;
  nonNegotiables: readonly string[];
  supportingData: readonly string[];
}

export interface StatementInput {
  familyName: string;
  /** "IEP meeting on March 3, 2026", or null when no meeting is prepared. */
  preparedFor: string | null;
  claims: readonly StatementClaim[];
  worksheet: readonly StatementWorksheetIssue[];
}

const normalize = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * One section per issue: the claims' issues first (withdrawn ones left out, resolved ones said so),
 * then worksheet issues no claim names. An issue named by both joins their text.
 */
export function draftPositionStatement(input: StatementInput): string {
  const worksheetByIssue = new Map(input.worksheet.map((issue) => [normalize(issue.issue), issue]));
  const used = new Set<string>();
  const sections: { title: string; lines: string[] }[] = [];
  for (const claim of input.claims) {
    if (claim.status === 'withdrawn') continue;
    const key = normalize(claim.issue);
    const prepared = worksheetByIssue.get(key);
    if (prepared) used.add(key);
    const lines: string[] = [];
    if (claim.status === 'resolved') lines.push('Resolved.');
    if (prepared?.familyPosition) lines.push(`The family's position: ${prepared.familyPosition}`);
    if (prepared?.familyInterests) lines.push(`Why it matters: ${prepared.familyInterests}`);
    if (prepared && prepared.nonNegotiables.length > 0) lines.push(`The family asks for: ${prepared.nonNegotiables.join('; ')}.`);
    if (claim.proposedResolution) lines.push(`Proposed resolution: ${claim.proposedResolution}`);
    if (prepared && prepared.supportingData.length > 0) lines.push(`Supporting records: ${prepared.supportingData.join('; ')}.`);
    sections.push({ title: claim.issue, lines });
  }
  for (const issue of input.worksheet) {
    if (used.has(normalize(issue.issue))) continue;
    const lines: string[] = [];
    if (issue.familyPosition) lines.push(`The family's position: ${issue.familyPosition}`);
    if (issue.familyInterests) lines.push(`Why it matters: ${issue.familyInterests}`);
    if (issue.nonNegotiables.length > 0) lines.push(`The family asks for: ${issue.nonNegotiables.join('; ')}.`);
    if (issue.supportingData.length > 0) lines.push(`Supporting records: ${issue.supportingData.join('; ')}.`);
    sections.push({ title: issue.issue, lines });
  }
  if (sections.length === 0) return '';
  const out = [`# Position of the ${input.familyName.replace(/\s+family$/i, '')} family`];
  if (input.preparedFor) out.push(`Prepared for the ${input.preparedFor}.`);
  sections.forEach((section, index) => {
    out.push('', `# ${index + 1}. ${section.title}`, ...section.lines);
  });
  return out.join('\n');
}
