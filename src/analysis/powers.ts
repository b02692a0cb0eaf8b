/**
 * The major powers an actor's profile sets itself against, by default: the largest economies
 * and the makers of the chain's chokepoints among the world's actors (a judgement, listed in
 * docs/analysis.md; `--powers` changes it). Ids the world does not have are skipped.
 * @module
 */
export const DEFAULT_MAJOR_POWERS = ["US", "CN", "EU", "JP", "KR", "TW", "UK", "IN"] as const;
