import { stringify } from 'csv-stringify/sync';
import { ACLED_COLUMNS } from '../../src/exchange/acled.js';

/** ACLED's own event and sub-event types, which a synthetic history draws from. */
const TYPES: [string, string][] = [
  ['Battles', 'Armed clash'],
  ['Violence against civilians', 'Attack'],
  ['Violence against civilians', 'Abduction/forced disappearance'],
  ['Explosions/Remote violence', 'Remote explosive/landmine/IED'],
  ['Protests', 'Peaceful protest'],
  ['Riots', 'Mob violence'],
  ['Strategic developments', 'Looting/property destruction'],
];
const PLACES: [string, number, number][] = [
  ['Kayes', 14.4469, -11.4456],
  ['Nioro du Sahel', 15.2301, -9.5905],
  ['Yélimané', 15.1185, -10.5731],
  ['Kéniéba', 12.8411, -11.2364],
  ['Bafoulabé', 13.8065, -10.8321],
  ['Diéma', 14.5414, -9.1836],
  ['Kita', 13.0349, -9.4895],
];

/**
 * A synthetic history in ACLED's layout, made up here (no real event): `count` rows around towns
 * of the Kayes region, 2015–2024, from a fixed seed so that two calls give the same file.
 */
export function syntheticAcledCsv(count: number, { prefix = 'MLI', seed = 7 } = {}): string {
  let state = seed >>> 0;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4_294_967_296;
  };
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const rows = Array.from({ length: count }, (_, i) => {
    const [eventType, subEventType] = pick(TYPES);
    const [place, lat, lon] = pick(PLACES);
    const day = new Date(Date.UTC(2015, 0, 1) + Math.floor(random() * 3650) * 86_400_000).toISOString().slice(0, 10);
    const row: Record<string, string> = {
      event_id_cnty: `${prefix}${100000 + i}`,
      event_date: day,
      year: day.slice(0, 4),
      time_precision: pick(['1', '1', '1', '2', '3']),
      event_type: eventType,
      sub_event_type: subEventType,
      actor1: pick(['Hommes armés non identifiés', 'JNIM', 'Milice communautaire']),
      actor2: pick(['', 'Forces armées maliennes', 'Civils (Mali)']),
      iso: '466',
      region: 'Western Africa',
      country: 'Mali',
      admin1: 'Kayes',
      location: place,
      latitude: (lat + (random() - 0.5) * 0.2).toFixed(4),
      longitude: (lon + (random() - 0.5) * 0.2).toFixed(4),
      geo_precision: pick(['1', '1', '2', '3']),
      source: pick(['Presse nationale', 'Radio locale', 'Réseau de veille']),
      notes: `Événement synthétique n° ${i} près de ${place}, écrit pour les essais.`,
      fatalities: String(Math.floor(random() * 4)),
      timestamp: '1700000000',
    };
    return ACLED_COLUMNS.map((column) => row[column] ?? '');
  });
  return stringify([[...ACLED_COLUMNS], ...rows]);
}
