/**
 * Trade classification codes of goods: the HS headings and subheadings (2022 edition, and the
 * 2017 ones where they differ) that customs data record a physical good under, and the EBOPS
 * 2010 and CPA 2.1 codes of services. `levier data import trade` joins bilateral trade to goods
 * through them: each HS6 product goes to the goods whose code is its longest prefix.
 * @module
 */
import type { TradeCodes } from "./schema.js";

export type { TradeCodes };

/** Layers whose goods are physical (traded through customs, so they carry HS codes). */
export const PHYSICAL_LAYERS = [
  "materials",
  "equipment",
  "fabrication",
  "chips",
  "manufacturing",
  "energy",
  "security",
] as const;

/** An HS code without its dot: 8486.20 → 848620. */
export function hsDigits(code: string): string {
  return code.replace(".", "");
}

/** The good's HS codes for an edition: the 2017 list where given for 2017, else the 2022 one. */
export function hsCodesOf(codes: TradeCodes | undefined, edition: 2017 | 2022): string[] {
  if (!codes) return [];
  const list = edition === 2017 && codes.hs2017 ? codes.hs2017 : (codes.hs ?? []);
  return list.map(hsDigits);
}
