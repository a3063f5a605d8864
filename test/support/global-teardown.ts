export default async function globalTeardown(): Promise<void> {
  const stops = (globalThis as { __mzfStops?: (() => Promise<void>)[] }).__mzfStops ?? [];
  for (const stop of stops.reverse()) await stop();
  (globalThis as { __mzfStops?: unknown }).__mzfStops = [];
}
