/**
 * The countries' shapes (world-atlas, bundled, loaded only by the map view) as GeoJSON features
 * tagged with the world's actor that each country is (by ISO code) or the rest of the world.
 * @module
 */
import { feature } from "topojson-client";
import { ISO_NUMERIC } from "./iso-numeric.js";

export type Region = "europe" | "world";

export interface CountryFeature {
  type: "Feature";
  id: string;
  geometry: unknown;
  properties: { name: string; actor?: string; actorName?: string; value?: number | null };
}

export async function countries(region: Region): Promise<CountryFeature[]> {
  const topo = (region === "europe"
    ? await import("world-atlas/countries-50m.json")
    : await import("world-atlas/countries-110m.json")) as unknown as { default?: unknown };
  const t = (topo.default ?? topo) as Parameters<typeof feature>[0];
  const fc = feature(t, t.objects.countries as Parameters<typeof feature>[1]) as unknown as {
    features: CountryFeature[];
  };
  return fc.features.filter((f) => f.id !== undefined || f.properties.name);
}

/** Features with each actor's value in `properties` (countries of no actor get none). */
export function tagged(
  features: CountryFeature[],
  actors: { id: string; name: string; iso3?: string }[],
  values: Map<string, number>,
): CountryFeature[] {
  const byNumeric = new Map<string, { id: string; name: string }>();
  for (const a of actors) {
    const n = a.iso3 ? ISO_NUMERIC[a.iso3] : undefined;
    if (n) byNumeric.set(n, a);
  }
  return features.map((f) => {
    const a = byNumeric.get(String(f.id));
    const v = a ? values.get(a.id) : undefined;
    return {
      ...f,
      properties: {
        name: f.properties.name,
        ...(a ? { actor: a.id, actorName: a.name } : {}),
        value: v === undefined || !Number.isFinite(v) ? null : v,
      },
    };
  });
}
