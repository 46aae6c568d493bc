export interface TermFigures {
  owed: number;
  delivered: number;
  /** What is still owed: the basis of a compensatory-services claim. Never negative. */
  shortfall: number;
  /** Delivered as a share of owed, 0–100, one decimal; 100 when nothing was owed yet. */
  compliancePercent: number;
}

/**
 * Per-term implementation figures for a signed agreement or IEP service page. A signed mediation
 * agreement is enforceable (34 CFR 300.506(b)(6)–(7)) and the district must provide the services
 * in the IEP (34 CFR 300.101, 300.323(c)(2)); the shortfall is the amount to claim back.
 * Over-delivery does not offset other terms, so shortfall floors at zero and percent caps at 100.
 */
export function termFigures(owed: number, delivered: number): TermFigures {
  const shortfall = Math.max(0, owed - delivered);
  const compliancePercent = owed <= 0 ? 100 : Math.min(100, Math.round((delivered / owed) * 1000) / 10);
  return { owed, delivered, shortfall, compliancePercent };
}
