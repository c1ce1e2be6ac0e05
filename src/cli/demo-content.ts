import type { Incident } from '../contracts/incident.js';
import type { Mechanism } from '../domain/mechanism.js';
import type { Post, Unit } from '../contracts/organisation.js';
import type { Role } from '../contracts/vocabularies.js';

/**
 * The demo tells the story the project started from: Mali and Senegal launch joint patrols at
 * Diboli on 2025-02-20 under their security agreement, watch the Dakar–Bamako corridor through
 * Kidira–Diboli, and work with Mauritania on the Guidimaka side. Places and coordinates are real
 * (GeoNames); the incidents are illustrative.
 */
export const DEMO_PASSWORD = 'diboli-demo-kayes';

/**
 * Fixed second-factor secrets (base32) of the demo's coordinators and administrator, printed with
 * the logins so that a tester can add them to an authenticator app. Public, like the password:
 * for the demo only.
 */
export const DEMO_SECOND_FACTORS: Readonly<Record<string, string>> = {
  'coord.ml': 'DEMOCOORDMLDIBOLIKAYESBORDERMALI',
  'coord.sn': 'DEMOCOORDSNDIBOLIKIDIRASENEGALSN',
  'admin.ml': 'DEMOADMINMLDIBOLINODEKEYSBAMAKOO',
};

export const DEMO_MECHANISM: Omit<Mechanism, 'nations'> = {
  id: 'ML-SN-KAYES',
  name: 'Mécanisme conjoint Mali–Sénégal (Kayes)',
  agreement: {
    title: 'Accord de coopération en matière de sécurité transfrontalière entre le Mali et le Sénégal',
    date: '2021-03',
    reference: 'ML-SN/2021/03',
  },
  sharingPolicy: { incident: ['SN'], patrol: ['SN'], position: [], post: ['SN', 'MR'], unit: ['SN', 'MR'] },
};

export const DEMO_USERS: { username: string; displayName: string; nation: string; role: Role }[] = [
  { username: 'coord.ml', displayName: 'Cdt Moussa Keïta', nation: 'ML', role: 'coordinator' },
  { username: 'coord.sn', displayName: 'Cdt Awa Ndiaye', nation: 'SN', role: 'coordinator' },
  { username: 'liaison.sn', displayName: 'Cne Ibrahima Sarr', nation: 'SN', role: 'liaison' },
  { username: 'analyst.ml', displayName: 'Lt Aminata Traoré', nation: 'ML', role: 'analyst' },
  { username: 'lead.ml', displayName: 'Adj Boubacar Diarra', nation: 'ML', role: 'patrol_lead' },
  { username: 'observer.ml', displayName: 'Ministère de la Défense', nation: 'ML', role: 'observer' },
  { username: 'admin.ml', displayName: 'Administrateur du nœud', nation: 'ML', role: 'admin' },
];

type DemoUnit = Omit<Unit, 'releasableTo'>;
const unit = (owner: string, id: string, name: string, callSign: string, parentId: string | null = null): DemoUnit => ({
  id,
  owner,
  nation: owner,
  name,
  callSign,
  parentId,
});

export const DEMO_UNITS: DemoUnit[] = [
  unit('ML', 'ml-fama', 'Forces armées maliennes (FAMa)', 'FAMA'),
  unit('ML', 'ml-rm1-kayes', 'Région militaire de Kayes', 'FAMA-KYS', 'ml-fama'),
  unit('ML', 'ml-gtia-diboli', 'Groupement tactique de Diboli', 'FAMA-DIB', 'ml-rm1-kayes'),
  unit('ML', 'ml-gendarmerie', 'Gendarmerie nationale du Mali', 'GEND-ML'),
  unit('ML', 'ml-gend-kayes', 'Escadron de gendarmerie de Kayes', 'GEND-KYS', 'ml-gendarmerie'),
  unit('SN', 'sn-armees', 'Armées sénégalaises', 'FAS'),
  unit('SN', 'sn-zm4', 'Zone militaire N°4 (Tambacounda)', 'ZM4', 'sn-armees'),
  unit('SN', 'sn-garsi-kidira', 'GARSI de Kidira', 'GARSI-KID', 'sn-zm4'),
  unit('SN', 'sn-gend-kidira', 'Brigade de gendarmerie de Kidira', 'GEND-KID'),
  unit('MR', 'mr-armee', 'Armée nationale mauritanienne', 'ANM'),
  unit('MR', 'mr-rm6', '6e Région militaire (Sélibabi)', 'RM6', 'mr-armee'),
];

type DemoPost = Omit<Post, 'releasableTo' | 'section'>;
const post = (owner: string, id: string, name: string, kind: Post['kind'], lat: number, lon: number): DemoPost => ({
  id,
  owner,
  nation: owner,
  name,
  kind,
  location: { lat, lon },
});

// biome-ignore format: a table, one post a line.
export const DEMO_POSTS: DemoPost[] = [
  post('ML', 'ml-post-diboli', 'Poste frontière de Diboli', 'border_post', 14.45511, -12.19945),
  post('ML', 'ml-base-kayes', 'Camp militaire de Kayes', 'base', 14.44693, -11.44448),
  post('ML', 'ml-check-aourou', 'Poste de contrôle d’Aourou', 'checkpoint', 14.96815, -11.58661),
  post('SN', 'sn-post-kidira', 'Poste frontière de Kidira', 'border_post', 14.45668, -12.21659),
  post('SN', 'sn-base-bakel', 'Camp de Bakel', 'base', 14.90238, -12.45935),
  post('SN', 'sn-zm4-tambacounda', 'État-major de la Zone militaire N°4', 'command', 13.77073, -13.66734),
  post('MR', 'mr-post-gouraye', 'Poste de Gouraye', 'border_post', 14.89927, -12.44891),
  post('MR', 'mr-rm6-selibabi', 'État-major de la 6e Région militaire', 'command', 15.15895, -12.1829),
];

type DemoIncident = Pick<
  Incident,
  | 'id'
  | 'owner'
  | 'releasableTo'
  | 'occurredAt'
  | 'datePrecision'
  | 'location'
  | 'placeName'
  | 'eventType'
  | 'subEventType'
  | 'actors'
  | 'fatalities'
  | 'narrative'
  | 'source'
  | 'status'
> &
  Partial<Pick<Incident, 'injured' | 'abducted'>>;

// biome-ignore format: a table, one incident a few lines.
export const DEMO_INCIDENTS: DemoIncident[] = [
  {
    id: 'demo-ml-0001', owner: 'ML', releasableTo: ['SN'], occurredAt: '2025-02-20T09:00:00.000Z', datePrecision: 'day',
    location: { lat: 14.45511, lon: -12.19945 }, placeName: 'Diboli',
    eventType: 'Strategic developments', subEventType: 'Change to group/activity', actors: ['FAMa', 'Forces armées sénégalaises'], fatalities: null,
    narrative: 'Lancement à Diboli des patrouilles conjointes maliano-sénégalaises le long de la frontière.',
    source: { kind: 'unit', name: 'Groupement tactique de Diboli', reliability: 'A', credibility: 1 }, status: 'confirmed',
  },
  {
    id: 'demo-sn-0001', owner: 'SN', releasableTo: ['ML'], occurredAt: '2025-03-02T00:00:00.000Z', datePrecision: 'day',
    location: { lat: 14.45668, lon: -12.21659 }, placeName: 'Kidira',
    eventType: 'Border activity', subEventType: 'Smuggling', actors: ['Douanes sénégalaises'], fatalities: null,
    narrative: 'Saisie de carburant de contrebande dans un camion au poste de Kidira.',
    source: { kind: 'unit', name: 'Brigade de gendarmerie de Kidira', reliability: 'B', credibility: 2 }, status: 'confirmed',
  },
  {
    id: 'demo-sn-0002', owner: 'SN', releasableTo: ['ML'], occurredAt: '2025-06-11T00:00:00.000Z', datePrecision: 'day',
    location: { lat: 14.90238, lon: -12.45935 }, placeName: 'Bakel',
    eventType: 'Border activity', subEventType: 'Illegal crossing', actors: [], fatalities: null,
    narrative: 'Passage d’une vingtaine de personnes hors des points officiels, en pirogue, signalé par la population.',
    source: { kind: 'community', name: 'Comité de veille de Bakel', reliability: 'C', credibility: 3 }, status: 'unverified',
  },
  {
    id: 'demo-sn-0003', owner: 'SN', releasableTo: ['ML'], occurredAt: '2025-09-20T00:00:00.000Z', datePrecision: 'day',
    location: { lat: 13.16119, lon: -12.11268 }, placeName: 'Sabodala',
    eventType: 'Border activity', subEventType: 'Illegal gold mining', actors: [], fatalities: null,
    narrative: 'Site d’orpaillage clandestin démantelé près de la Falémé ; matériel saisi.',
    source: { kind: 'patrol', name: 'GARSI de Kidira', reliability: 'B', credibility: 2 }, status: 'confirmed',
  },
  {
    id: 'demo-ml-0002', owner: 'ML', releasableTo: ['SN'], occurredAt: '2025-09-14T00:00:00.000Z', datePrecision: 'day',
    location: { lat: 14.5095, lon: -9.9099 }, placeName: 'Lakamané',
    eventType: 'Battles', subEventType: 'Armed clash', actors: ['JNIM', 'FAMa'], fatalities: null,
    narrative: 'Attaque d’un convoi de citernes sous escorte entre Kaniéra et Lakamané sur l’axe Kayes–Bamako.',
    source: { kind: 'article', name: 'Presse régionale', reliability: 'C', credibility: 2 }, status: 'confirmed',
  },
  {
    id: 'demo-mr-0001', owner: 'MR', releasableTo: ['ML'], occurredAt: '2026-09-12T00:00:00.000Z', datePrecision: 'day',
    location: { lat: 14.89927, lon: -12.44891 }, placeName: 'Gouraye',
    eventType: 'Border activity', subEventType: 'Smuggling', actors: [], fatalities: null,
    narrative: 'Interception de motos chargées de cigarettes en provenance du Mali.',
    source: { kind: 'unit', name: '6e Région militaire', reliability: 'B', credibility: 3 }, status: 'unverified',
  },
  {
    id: 'demo-ml-0003', owner: 'ML', releasableTo: ['SN', 'MR'], occurredAt: '2026-08-30T00:00:00.000Z', datePrecision: 'day',
    location: { lat: 15.11868, lon: -10.57729 }, placeName: 'Yélimané',
    eventType: 'Violence against civilians', subEventType: 'Attack', actors: ['Hommes armés non identifiés'], fatalities: 2,
    narrative: 'Deux commerçants tués par des hommes armés sur la route de Yélimané.',
    source: { kind: 'community', name: 'Chef de village', reliability: 'C', credibility: 3 }, status: 'unverified',
  },
  {
    id: 'demo-sn-0004', owner: 'SN', releasableTo: ['ML'], occurredAt: '2026-10-15T00:00:00.000Z', datePrecision: 'day',
    location: { lat: 12.83167, lon: -11.75381 }, placeName: 'Saraya',
    eventType: 'Violence against civilians', subEventType: 'Abduction/forced disappearance', actors: ['Hommes armés non identifiés'], fatalities: null, abducted: 1,
    narrative: 'Enlèvement d’un orpailleur près de la frontière ; les ravisseurs auraient traversé la Falémé.',
    source: { kind: 'community', name: 'Radio communautaire', reliability: 'D', credibility: 3 }, status: 'unverified',
  },
  {
    id: 'demo-ml-0004', owner: 'ML', releasableTo: ['SN'], occurredAt: '2026-11-10T00:00:00.000Z', datePrecision: 'day',
    location: { lat: 13.6835, lon: -12.04848 }, placeName: 'Moussala',
    eventType: 'Border activity', subEventType: 'Illegal gold mining', actors: [], fatalities: null,
    narrative: 'Nouvelles dragues sur la Falémé en amont de Moussala.',
    source: { kind: 'patrol', name: 'Groupement tactique de Diboli', reliability: 'B', credibility: 2 }, status: 'confirmed',
  },
  {
    id: 'demo-ml-0005', owner: 'ML', releasableTo: ['SN'], occurredAt: '2026-11-20T00:00:00.000Z', datePrecision: 'day',
    location: { lat: 14.4575, lon: -12.2 }, placeName: 'Falémé (Diboli)',
    eventType: 'Strategic developments', subEventType: 'Arrests', actors: ['FAMa'], fatalities: null,
    narrative: 'Interpellation de trois passeurs sur le pont de la Falémé lors d’une patrouille conjointe.',
    source: { kind: 'patrol', name: 'Patrouille conjointe Diboli–Kidira', reliability: 'A', credibility: 2 }, status: 'confirmed',
  },
  {
    id: 'demo-ml-0006', owner: 'ML', releasableTo: [], occurredAt: '2026-11-02T00:00:00.000Z', datePrecision: 'day',
    location: { lat: 14.44693, lon: -11.44448 }, placeName: 'Kayes',
    eventType: 'Protests', subEventType: 'Peaceful protest', actors: ['Transporteurs routiers'], fatalities: null,
    narrative: 'Sit-in des transporteurs contre l’insécurité sur l’axe Kayes–Diéma. Information nationale.',
    source: { kind: 'unit', name: 'Escadron de gendarmerie de Kayes', reliability: 'A', credibility: 1 }, status: 'confirmed',
  },
  {
    id: 'demo-ml-0007', owner: 'ML', releasableTo: [], occurredAt: '2026-11-18T00:00:00.000Z', datePrecision: 'day',
    location: { lat: 14.3, lon: -12.1 }, placeName: 'Vallée de la Falémé',
    eventType: 'Border activity', subEventType: 'Cattle rustling', actors: [], fatalities: null,
    narrative: 'Vol d’une quarantaine de bovins ; piste en direction de la frontière. Enquête nationale en cours.',
    source: { kind: 'community', name: 'Éleveurs', reliability: 'C', credibility: 4 }, status: 'unverified',
  },
  {
    id: 'demo-ml-0008', owner: 'ML', releasableTo: [], occurredAt: '2026-10-05T00:00:00.000Z', datePrecision: 'day',
    location: { lat: 14.96815, lon: -11.58661 }, placeName: 'Aourou',
    eventType: 'Explosions/Remote violence', subEventType: 'Remote explosive/landmine/IED', actors: ['JNIM'], fatalities: 0, injured: 3,
    narrative: 'Engin explosif au passage d’un véhicule civil près d’Aourou ; trois blessés.',
    source: { kind: 'unit', name: 'Poste de contrôle d’Aourou', reliability: 'B', credibility: 2 }, status: 'confirmed',
  },
  {
    id: 'demo-ml-0009', owner: 'ML', releasableTo: ['SN'], occurredAt: '2026-11-24T05:30:00.000Z', datePrecision: 'hour',
    location: { lat: 13.705, lon: -12.02 }, placeName: 'Moussala',
    eventType: 'Battles', subEventType: 'Armed clash', actors: ['JNIM', 'FAMa'], fatalities: 3,
    narrative: 'Accrochage entre une patrouille des FAMa et des hommes armés venus des sites d’orpaillage de la Falémé ; trois morts.',
    source: { kind: 'unit', name: 'Région militaire de Kayes', reliability: 'B', credibility: 2 }, status: 'confirmed',
  },
  {
    id: 'demo-ml-0010', owner: 'ML', releasableTo: ['SN'], occurredAt: '2026-11-26T00:00:00.000Z', datePrecision: 'day',
    location: { lat: 14.43, lon: -11.98 }, placeName: 'Axe Diboli–Kayes',
    eventType: 'Explosions/Remote violence', subEventType: 'Remote explosive/landmine/IED', actors: [], fatalities: 0, injured: 2,
    narrative: 'Engin explosif improvisé découvert sur la RN1 entre Diboli et Kayes, deux blessés lors du désamorçage.',
    source: { kind: 'patrol', name: 'Groupement tactique de Diboli', reliability: 'A', credibility: 2 }, status: 'confirmed',
  },
  {
    id: 'demo-sn-0005', owner: 'SN', releasableTo: ['ML'], occurredAt: '2026-11-27T00:00:00.000Z', datePrecision: 'day',
    location: { lat: 12.95, lon: -11.6 }, placeName: 'Falémé (Saraya)',
    eventType: 'Violence against civilians', subEventType: 'Abduction/forced disappearance', actors: ['Hommes armés non identifiés'], fatalities: null, abducted: 2,
    narrative: 'Deux orpailleurs enlevés sur la rive sénégalaise de la Falémé ; les ravisseurs seraient repartis vers le Mali.',
    source: { kind: 'community', name: 'Radio communautaire de Saraya', reliability: 'C', credibility: 3 }, status: 'unverified',
  },
];

export interface DemoPatrol {
  id: string;
  name: string;
  unitIds: string[];
  axisId: string;
  plannedStart: string;
  plannedEnd: string;
  /** The username of the patrol's leader, who reports for it from the field. */
  leader: string;
  /** How far along its lifecycle the demo takes it, and who approves. */
  steps: ({ action: 'propose' | 'start' | 'complete'; by: string } | { action: 'approve'; by: string })[];
  track?: { at: string; lat: number; lon: number }[];
}

export const DEMO_PATROLS: DemoPatrol[] = [
  {
    id: 'demo-patrol-launch',
    name: 'Patrouille conjointe Diboli–Kidira (lancement)',
    unitIds: ['ml-gtia-diboli', 'sn-garsi-kidira'],
    axisId: 'N1-RN1-TAMBACOUNDA-KAYES',
    plannedStart: '2025-02-20T08:00:00.000Z',
    plannedEnd: '2025-02-21T18:00:00.000Z',
    leader: 'lead.ml',
    steps: [
      { action: 'propose', by: 'coord.ml' },
      { action: 'approve', by: 'coord.ml' },
      { action: 'approve', by: 'coord.sn' },
      { action: 'start', by: 'lead.ml' },
      { action: 'complete', by: 'lead.ml' },
    ],
    track: [
      { at: '2025-02-20T08:00:00.000Z', lat: 14.45668, lon: -12.21659 },
      { at: '2025-02-20T08:30:00.000Z', lat: 14.45511, lon: -12.19945 },
      { at: '2025-02-20T10:00:00.000Z', lat: 14.43, lon: -11.95 },
      { at: '2025-02-20T12:00:00.000Z', lat: 14.40256, lon: -11.72278 },
      { at: '2025-02-20T14:00:00.000Z', lat: 14.44693, lon: -11.44448 },
    ],
  },
  {
    id: 'demo-patrol-december',
    name: 'Patrouille conjointe axe Kidira–Kayes (décembre)',
    unitIds: ['ml-gend-kayes', 'sn-gend-kidira'],
    axisId: 'N1-RN1-TAMBACOUNDA-KAYES',
    plannedStart: '2026-12-05T06:00:00.000Z',
    plannedEnd: '2026-12-07T18:00:00.000Z',
    leader: 'lead.ml',
    steps: [
      { action: 'propose', by: 'coord.ml' },
      { action: 'approve', by: 'coord.ml' },
    ],
  },
];

/**
 * Alert rules of Mali's coordination centre, so that "Alertes" is not empty on a fresh demo: the
 * story's incidents raise some at once, for Mali and — through the incidents Mali released and the
 * rules it released — for Senegal's officers seconded to Mali's node; the level-rising rule raises
 * more when the node starts and finds the sections' levels. A section target is named by a point
 * in it (`sectionAt`), since section ids follow the section length the node was set up with.
 */
export type DemoAlertRule = Record<string, unknown> & { id: string; sectionAt?: { lat: number; lon: number } };

export const DEMO_ALERT_RULES: DemoAlertRule[] = [
  {
    id: 'demo-corridor-n1',
    kind: 'incident-near',
    eventTypes: ['Battles', 'Explosions/Remote violence', 'Violence against civilians'],
    target: { kind: 'axis', id: 'N1-RN1-TAMBACOUNDA-KAYES' },
    withinKm: 20,
    public: true,
    releasableTo: ['SN'],
  },
  {
    id: 'demo-faleme-moussala',
    kind: 'incident-near',
    eventTypes: ['Battles', 'Violence against civilians', 'Explosions/Remote violence'],
    sectionAt: { lat: 13.705, lon: -12.02 },
    withinKm: 30,
    public: true,
    releasableTo: ['SN'],
  },
  {
    id: 'demo-orpaillage-faleme',
    kind: 'incident-near',
    eventTypes: ['Border activity'],
    subEventTypes: ['Illegal gold mining'],
    sectionAt: { lat: 13.6835, lon: -12.04848 },
    withinKm: 30,
    public: false,
    releasableTo: [],
  },
  { id: 'demo-niveau-eleve', kind: 'level-rising', minLevel: 'high', public: false, releasableTo: ['SN'] },
];
