import type { RadioAnswer as FieldReply, RadioSender, UserPhone as UserWithPhone } from '../../../src/contracts/field-message.js';
import type { IncidentQuery } from '../../../src/contracts/incident.js';
import type { StyleSpecification } from 'maplibre-gl';
import { get, mayHoldSession, patch, post, rememberToken, request, requestEarly } from './client';
import type {
  Alert,
  AlertCancel,
  AlertAcknowledgement,
  Axes,
  Candidate,
  CandidateReview,
  Coverage,
  IncidentChange,
  IncidentVersion,
  PatrolChange,
  PatrolProposal,
  RecommendationRequest,
  Enrolment,
  IngestResult,
  LevelOverrideRequest,
  NewAlertRule,
  NewArticle,
  SectionHistory,
  SectionLevel,
  StoredAlertRule,
  Basemap,
  Borders,
  Incident,
  Incidents,
  LoginAnswer,
  Mechanism,
  NewIncident,
  NewPatrol,
  Patrol,
  PatrolAction,
  Place,
  Posts,
  Sections,
  Taxonomy,
  Track,
  Unit,
  User,
  Webhook,
} from './types';

/** Password, and the authenticator's code (or a recovery code) for users with a second factor. */
export async function login(username: string, password: string, code?: string): Promise<LoginAnswer> {
  const answer = await post<LoginAnswer>('/api/v1/auth/login', code ? { username, password, code } : { username, password });
  rememberToken(answer.token, answer.expiresAt);
  return answer;
}

export const beginEnrolment = (username: string, password: string) => post<Enrolment>('/api/v1/auth/login/enrolment', { username, password });

/** The first code confirms the second factor and opens the session; the recovery codes come this once. */
export async function confirmEnrolment(username: string, password: string, code: string): Promise<LoginAnswer & { recoveryCodes: string[] }> {
  const answer = await post<LoginAnswer & { recoveryCodes: string[] }>('/api/v1/auth/login/enrolment/confirm', { username, password, code });
  rememberToken(answer.token, answer.expiresAt);
  return answer;
}

export async function logout(): Promise<void> {
  try {
    await post<void>('/api/v1/auth/logout');
  } finally {
    rememberToken(null);
  }
}

/** What every signed-in screen reads first. */
const FIRST_READS = {
  me: '/api/v1/me',
  mechanism: '/api/v1/mechanism',
  basemap: '/api/v1/basemap',
  borders: '/api/v1/borders',
  sections: '/api/v1/sections',
  axes: '/api/v1/axes',
  posts: '/api/v1/posts',
  units: '/api/v1/units',
  taxonomy: '/api/v1/taxonomy',
  patrols: '/api/v1/patrols',
  alerts: '/api/v1/alerts?limit=200',
} as const;

export const fetchMe = () => get<User>(FIRST_READS.me);
export const fetchMechanism = () => get<Mechanism>(FIRST_READS.mechanism);
export const fetchBasemap = () => get<Basemap>(FIRST_READS.basemap);
export const fetchBorders = () => get<Borders>(FIRST_READS.borders);
export const fetchSections = () => get<Sections>(FIRST_READS.sections);
export const fetchAxes = () => get<Axes>(FIRST_READS.axes);
export const fetchPosts = () => get<Posts>(FIRST_READS.posts);
export const fetchUnits = () => get<Unit[]>(FIRST_READS.units);
export const fetchTaxonomy = () => get<Taxonomy>(FIRST_READS.taxonomy);
/** The node's basemap style: tiles, glyphs and all, on the node itself. */
export const fetchMapStyle = () => get<StyleSpecification>('/api/v1/map/style.json');

/**
 * Asks for what the first screen reads, incidents included, before the session is even checked —
 * when this browser may hold a session at all (a first visit or a signed-out browser asks for
 * nothing: the node would refuse it all). The browser opens six connections to the node: the
 * session and the incidents, the slowest answer, go first.
 */
export function requestFirstReads(incidents: IncidentQuery): void {
  if (!mayHoldSession()) return;
  const { me, ...rest } = FIRST_READS;
  requestEarly([me, incidentsPath(incidents), ...Object.values(rest)]);
}

export function searchPlaces(query: string, limit = 8): Promise<Place[]> {
  const params = new URLSearchParams({ q: query, limit: String(limit) });
  return get<Place[]>(`/api/v1/places?${params}`);
}

export function incidentsPath(query: IncidentQuery): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(name, String(value));
  }
  return `/api/v1/incidents?${params}`;
}

export const fetchIncidents = (query: IncidentQuery) => get<Incidents>(incidentsPath(query));

/** Incidents per day (UTC) for the list's filters and box, counted by the node. */
export function fetchDailyCounts(query: IncidentQuery): Promise<{ day: string; count: number }[]> {
  const { limit: _limit, ...filters } = query;
  return get<{ day: string; count: number }[]>(incidentsPath(filters).replace('/api/v1/incidents?', '/api/v1/incidents/daily-counts?'));
}

/**
 * Where the map asks for its incident tiles with the list's filters: a template MapLibre fills in
 * ({z}/{x}/{y}). Absolute, because the map's workers resolve it away from the page; the session
 * cookie authenticates it, and the node makes each tile for the caller's nation.
 */
export function incidentTilesUrl(query: IncidentQuery): string {
  const { bbox: _bbox, limit: _limit, ...filters } = query;
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) {
    if (value !== undefined && value !== '') params.set(name, String(value));
  }
  const search = params.toString();
  return `${window.location.origin}/api/v1/tiles/incidents/{z}/{x}/{y}.mvt${search ? `?${search}` : ''}`;
}

/** The node's track tiles for the list's period: every patrol's positions the officer may be shown. */
export function trackTilesUrl({ from, to }: Pick<IncidentQuery, 'from' | 'to'>): string {
  const params = new URLSearchParams();
  if (from) params.set('from', from);
  if (to) params.set('to', to);
  const search = params.toString();
  return `${window.location.origin}/api/v1/tiles/tracks/{z}/{x}/{y}.mvt${search ? `?${search}` : ''}`;
}

export const EXPORT_FORMATS = ['csv', 'geojson', 'kml'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const exportPath = (format: ExportFormat) => `/api/v1/exports/incidents.${format}`;

/**
 * The listed incidents as a file (CSV in ACLED's columns, GeoJSON, KML), with the list's filters:
 * a plain link, so that the session cookie authenticates it and the browser saves the file. The
 * node applies the caller's visibility, as for the list.
 */
export function exportUrl(format: ExportFormat, query: IncidentQuery): string {
  const { limit: _limit, ...filters } = query;
  return incidentsPath(filters)
    .replace('/api/v1/incidents?', `${exportPath(format)}?`)
    .replace(/\?$/, '');
}

/** The routes the node's API document lists: what this node offers (an older node may lack some). */
export const fetchApiPaths = async () => Object.keys((await get<{ paths: Record<string, unknown> }>('/api/docs/json')).paths);

export const createIncident = (incident: NewIncident) => post<Incident>('/api/v1/incidents', incident);
export const fetchIncident = (id: string) => get<Incident>(`/api/v1/incidents/${encodeURIComponent(id)}`);
export const updateIncident = (id: string, change: IncidentChange) => patch<Incident>(`/api/v1/incidents/${encodeURIComponent(id)}`, change);
export const fetchIncidentVersions = (id: string) => get<IncidentVersion[]>(`/api/v1/incidents/${encodeURIComponent(id)}/versions`);

/** The list is GeoJSON (each patrol's route is its feature's geometry); the screens hold patrols. */
export const fetchPatrols = async () =>
  (await get<{ features: { geometry: Patrol['route']; properties: Omit<Patrol, 'route'> }[] }>(FIRST_READS.patrols)).features.map(
    ({ geometry, properties }) => ({ ...properties, route: geometry }) as Patrol,
  );
export const createPatrol = (patrol: NewPatrol) => post<Patrol>('/api/v1/patrols', patrol);
export const updatePatrol = (id: string, change: PatrolChange) => patch<Patrol>(`/api/v1/patrols/${encodeURIComponent(id)}`, change);
export const actOnPatrol = (id: string, action: PatrolAction) => post<Patrol>(`/api/v1/patrols/${encodeURIComponent(id)}/${action}`);
/** The users of this node a planner may name as a patrol's leader. */
export const fetchPatrolReporters = () => get<{ id: string; username: string; displayName: string }[]>('/api/v1/field/reporters');
export const fetchTrack = (id: string) => get<Track>(`/api/v1/patrols/${encodeURIComponent(id)}/track`);

/** The alerts in force; the list also holds the Cancels of withdrawn ones, which the panel does not show. */
export const fetchAlerts = async () =>
  (await get<(Alert | AlertCancel)[]>(FIRST_READS.alerts)).filter((message): message is Alert => message.msgType !== 'Cancel');
export const acknowledgeAlert = (id: string) => post<{ acknowledgements: AlertAcknowledgement[] }>(`/api/v1/alerts/${encodeURIComponent(id)}/ack`);
/** Opened by the browser itself (a link), so the session cookie carries the credential. */
export const fetchAlertRules = () => get<StoredAlertRule[]>('/api/v1/alert-rules');
export const addAlertRule = (rule: NewAlertRule) => post<StoredAlertRule>('/api/v1/alert-rules', rule);
export const switchAlertRule = (id: string, enabled: boolean) => patch<StoredAlertRule>(`/api/v1/alert-rules/${encodeURIComponent(id)}`, { enabled });
export const fetchWebhooks = () => get<Webhook[]>('/api/v1/webhooks');
export const addWebhook = (webhook: { url: string; description?: string }) => post<Webhook>('/api/v1/webhooks', webhook);
export const switchWebhook = (id: string, enabled: boolean) => patch<Webhook>(`/api/v1/webhooks/${encodeURIComponent(id)}`, { enabled });
export const capDocumentUrl = (id: string) => `/api/v1/alerts/${encodeURIComponent(id)}/cap`;

export const fetchSectionHistory = (id: string) => get<SectionHistory>(`/api/v1/sections/${encodeURIComponent(id)}/history`);
export const overrideSectionLevel = (id: string, override: LevelOverrideRequest) =>
  post<SectionLevel>(`/api/v1/sections/${encodeURIComponent(id)}/override`, override);
export const liftOverride = (id: string) => request<SectionLevel>('DELETE', `/api/v1/sections/${encodeURIComponent(id)}/override`);

export const fetchCoverage = (days?: number) => get<Coverage>(`/api/v1/coverage${days ? `?days=${days}` : ''}`);
export const fetchRecommendations = (asked: RecommendationRequest) => post<PatrolProposal[]>('/api/v1/recommendations', asked);
/** Proposal `rank` of the same request, as a draft patrol (the node recomputes the proposals from the request). */
export const draftFromRecommendation = (rank: number, asked: RecommendationRequest) =>
  post<{ proposal: PatrolProposal; patrol: { id: string } }>(`/api/v1/recommendations/${rank}/draft`, asked);

export const fetchPendingCandidates = () => get<Candidate[]>('/api/v1/news/candidates?status=pending&limit=200');
export const acceptCandidate = (id: string, body: { edits?: Partial<NewIncident>; releasableTo?: string[] }) =>
  post<CandidateReview>(`/api/v1/news/candidates/${encodeURIComponent(id)}/accept`, body);
export const rejectCandidate = (id: string, note?: string) =>
  post<CandidateReview>(`/api/v1/news/candidates/${encodeURIComponent(id)}/reject`, note ? { note } : {});
export const submitArticle = (article: NewArticle) => post<IngestResult>('/api/v1/news/articles', article);

export type SitrepFormat = 'html' | 'pdf';
/** `audience`: the nation whose view the report shows, when not the officer's own (a version for a partner). */
export function sitrepUrl(from: string, to: string, lang: string, format: SitrepFormat, audience?: string): string {
  return `/api/v1/sitrep?${new URLSearchParams({ from, to, lang, format, ...(audience ? { for: audience } : {}) })}`;
}

/** Field messages: the radio operator's screen and the phones bound to users. */
export type { FieldReply, IncidentQuery, RadioSender, UserWithPhone };
export const fetchRadioSenders = () => get<RadioSender[]>('/api/v1/field/radio/senders');
export const sendRadioMessage = (senderUserId: string, text: string) => post<FieldReply>('/api/v1/field/radio', { senderUserId, text });
export const fetchUsers = () => get<UserWithPhone[]>('/api/v1/users');
export const setUserPhone = (username: string, phone: string | null) =>
  request<{ username: string; phone: string | null }>('PUT', `/api/v1/users/${encodeURIComponent(username)}/phone`, { phone });
