import text from './text.module.css';

/** "Garcia family (Maya)": a family's name, with what tells it apart when another family has the same name. */
export function familyLabel(name: string, hint: string | null | undefined): string {
  return hint ? `${name} (${hint})` : name;
}

/** A family's name, and under it, dimmed, what tells it apart when another family has the same name. */
export function FamilyName({ name, hint }: { name: string; hint: string | null | undefined }) {
  return (
    <>
      {name}
      {hint && (
        <span className={`${text.xs} ${text.block} ${text.dimmed}`} data-testid="family-hint">
          {hint}
        </span>
      )}
    </>
  );
}
