/**
 * Known limits of the model that the figures above do not show, found while building on it;
 * written by hand (they explain a mechanism, and are not recomputed by the validation run).
 * @module
 */

export const LIMITS_SECTION: string[] = [
  "",
  "## Known limit: access to EU industrial data is worth almost nothing to one third country",
  "",
  "The adoption cascade and the reach games (docs/model.md §9) value a third country's access to EU goods with the simulator. Cutting the UK off EU industrial data for 36 months (an export control from the EU to the UK on `industrial_data`, cap 0, central values) costs the UK $0 and the EU $1.2 bn of sales, while the US and China *gain* $0.24 bn and $0.40 bn by supplying the UK instead; cutting it off EU machinery and automated systems costs the UK $33 m. This is the engine working as specified, not a bug, and the data were left as they are:",
  "",
  "- `industrial_data` is one homogeneous good, bought from a pooled market: the UK uses about $3.3 bn a year (its share of world demand by GDP), from the suppliers in proportion to their shares; the EU members make 17% of world output, so about $0.55 bn a year of the UK's use is from the EU.",
  "- World output of $150 bn a year at 90% utilisation (`data/goods.yaml`) leaves about $15 bn a year of spare capacity, some 27 times what the UK loses; orders a buyer cannot place go to suppliers with spare capacity in proportion to it, at no extra cost (docs/model.md §4). The UK also holds 12 months of stock (`stockMonths`), and industrial data is a minor input of the recipes (criticality 0.03 to 0.05). Machinery runs at 80% utilisation: the rest of the world's spare capacity, about $660 bn a year, dwarfs the EU's sales to the UK.",
  "- The gains of the US and China are the same rerouting seen from the other side: value added made with spare capacity counts as a gain, with no opportunity cost.",
  "- The same mechanism sets the outcome of `examples/reach/eu-manufacturing-for-co-production.yaml` (measured 2 December 2026): conditioning EU machinery and automated systems on co-production for 36 months costs the EU about $127 bn of its makers' value added (Germany $57 bn), while world output of machinery is back at its baseline within two months and the targets that do not sign lose almost nothing (the US, Japan and Korea *gain*, China, not a target, gains $63 bn): their makers and China's take the EU's sales with spare capacity. The partners that sign do so for the pull of their partners, not for the access they keep (worth $0.1-32 m each against compliance costs of $0.1-1.1 bn).",
  "",
  "An economist would not accept the first figure for all industrial data. Much of it is specific to where it is made (data on EU machines, fleets, patients, grids and supply chains) and cannot be replaced by US or Chinese data for the uses that need it; the pooled market has no bilateral specificity (no Armington-type preference for a supplier's own variety) and no premium for rerouting. The simulated value of EU data access, in the cascade and in the games, is therefore a lower bound; the EU's leverage shows where it controls capacity the world cannot replace (lithography: in `examples/reach/ai-summit-bargain.yaml` only withholding EUV and DUV tools makes the minimal common commitment a deal all three prefer to the summit's failure). A fix would give goods a share of each buyer's use that only its usual suppliers can serve: engine work, not a change of data.",
  "",
];
