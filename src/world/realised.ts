/**
 * The world the model computes on: every figure a number (`Figure`), none a distribution.
 * `realise` (run/realise.ts) is the one function that turns a `World` into a `RealWorld`, and
 * the baseline, the network and the analyses take only a `RealWorld`, reading its figures with
 * `figure`. So the type checker enforces that no model code reads a distribution on its own
 * (docs/model.md, "Realise"); only the data's own inspection (validate, `data show`, the import
 * reports) describes distributions, through `world/quantity.ts`.
 * @module
 */
import type { Distribution, Quantity } from "./quantity.js";
import type { World } from "./schema.js";

/** A figure with one value: a plain number or `{ value, source, year, note }`. */
export type Figure = Exclude<Quantity, Distribution>;

/** `T` with every figure given as a distribution replaced by a `Figure` (arrays and tuples
 * keep their shape: the mapped type is homomorphic). */
export type Realised<T> = T extends number | string | boolean | null | undefined
  ? T
  : T extends Distribution
    ? Figure
    : { [K in keyof T]: Realised<T[K]> };

export type RealWorld = Realised<World>;

/** The value of a realised figure. */
export function figure(f: Figure): number {
  return typeof f === "number" ? f : f.value;
}
