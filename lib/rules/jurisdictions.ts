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
