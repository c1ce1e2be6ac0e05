import type { NationCode } from '../kernel/nation.js';
import type { LineString } from '../kernel/geojson.js';

/** A strategic route watched by the mechanism. */
export interface Axis {
  id: string;
  name: string;
  nations: NationCode[];
  geometry: LineString;
}

// Town coordinates [lon, lat] from the GeoNames extracts (data/geonames/{ML,SN,MR}.txt). The
// lines join towns the roads pass through, so they follow the roads at the scale of the region
// map, not metre by metre.
const TAMBACOUNDA = [-13.66734, 13.77073]; // SN, PPLA
const BALA_SN = [-13.16667, 14.03333]; // SN, Tambacounda region
const GOUDIRY = [-12.71803, 14.18146]; // SN
const KIDIRA = [-12.21659, 14.45668]; // SN, on the Falémé
const DIBOLI = [-12.19945, 14.45511]; // ML, across the Falémé bridge from Kidira
const MEDINA_KAYES = [-11.72278, 14.40256]; // ML, Médina (Kayes cercle)
const KAYES = [-11.44448, 14.44693]; // ML, PPLA
const SANDARE = [-10.3057, 14.7038]; // ML
const LAKAMANE = [-9.9099, 14.5095]; // ML
const DIANGOUTE_KAMARA = [-9.5127, 14.5448]; // ML
const DIEMA = [-9.1921, 14.54]; // ML, PPLA2, east edge of the Kayes region on this road
const BAKEL = [-12.45935, 14.90238]; // SN
const GABOU = [-12.41066, 14.71709]; // SN, Gabou on the Bakel–Kidira road
const AMBIDEDI = [-11.79083, 14.58645]; // ML, on the Senegal river downstream of Kayes
const GOURAYE = [-12.44891, 14.89927]; // MR, across the river from Bakel
const SELIBABI = [-12.1829, 15.15895]; // MR, PPLA (Guidimaka)

function line(...towns: number[][]): LineString {
  return { type: 'LineString', coordinates: towns.map((t) => [t[0]!, t[1]!]) };
}

export const STRATEGIC_AXES: readonly Axis[] = [
  {
    id: 'N1-RN1-TAMBACOUNDA-KAYES',
    name: 'N1/RN1 Tambacounda–Kidira–Diboli–Kayes',
    nations: ['ML', 'SN'],
    geometry: line(TAMBACOUNDA, BALA_SN, GOUDIRY, KIDIRA, DIBOLI, MEDINA_KAYES, KAYES),
  },
  {
    id: 'RN1-KAYES-DIEMA',
    name: 'RN1 Kayes–Sandaré–Diéma',
    nations: ['ML'],
    geometry: line(KAYES, SANDARE, LAKAMANE, DIANGOUTE_KAMARA, DIEMA),
  },
  {
    id: 'N2-BAKEL-KIDIRA',
    name: 'N2 Bakel–Kidira',
    nations: ['SN'],
    geometry: line(BAKEL, GABOU, KIDIRA),
  },
  {
    // Approximate: the river-side track through Ambidédi, then across to Gouraye and north.
    id: 'KAYES-SELIBABI',
    name: 'Kayes–Ambidédi–Gouraye–Sélibabi',
    nations: ['ML', 'MR'],
    geometry: line(KAYES, AMBIDEDI, GOURAYE, SELIBABI),
  },
];

export function axisById(id: string): Axis | undefined {
  return STRATEGIC_AXES.find((axis) => axis.id === id);
}
