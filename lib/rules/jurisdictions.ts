/** National → province → city → district, each rule layer overriding the one before (§8). */
export function jurisdictionChain(districtCode: string): string[] {
  const province = `${districtCode.slice(0, 2)}0000`;
  const city = `${districtCode.slice(0, 4)}00`;
  return [...new Set(['000000', province, city, districtCode])];
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Deep merge of plain objects; arrays and scalars of the later layer replace. */
export function mergeLayers(layers: Json[]): Json {
  return layers.reduce<Json>((acc, layer) => merge(acc, layer), {});
}

function merge(a: Json, b: Json): Json {
  if (!isObject(a) || !isObject(b)) return b;
  const out: { [k: string]: Json } = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = k in a ? merge(a[k] as Json, v) : v;
  return out;
}

function isObject(x: Json): x is { [k: string]: Json } {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/**
 * What a new layer must store so that merged over `base` it gives `next`: the leaves of
 * `next` that differ (arrays and scalars whole, objects key by key). Both are parsed policies.
 */
export function diffLayer(base: Json, next: Json): { [k: string]: Json } {
  const out: { [k: string]: Json } = {};
  if (!isObject(next)) return out;
  for (const [k, v] of Object.entries(next)) {
    const b = isObject(base) ? base[k] : undefined;
    // A duration ({ amount, unit }) is one setting: it is stored whole, so it reads whole.
    const duration = isObject(v) && 'amount' in v && 'unit' in v;
    if (isObject(v) && !duration && b !== undefined && isObject(b)) {
      const d = diffLayer(b, v);
      if (Object.keys(d).length > 0) out[k] = d;
    } else if (JSON.stringify(v) !== JSON.stringify(b)) out[k] = v;
  }
  return out;
}
