/**
 * The one catalogue of coded errors. Domain rules and services throw `DiboliError`; the HTTP
 * layer maps it to `{code, message, field?}` with the message in the caller's language, and the
 * CLI prints the message as one line.
 */
export type Lang = 'fr' | 'en';

interface CatalogueEntry {
  status: number;
  fr: string;
  en: string;
}

// biome-ignore format: the catalogue is a table, one code a line.
const CATALOGUE = {
  ERR_VALIDATION: { status: 400, fr: 'Requête invalide : {detail}', en: 'Invalid request: {detail}' },
  ERR_MALFORMED_JSON: { status: 400, fr: 'Le corps de la requête n’est pas du JSON valide.', en: 'The request body is not valid JSON.' },
  ERR_BAD_BBOX: { status: 400, fr: 'bbox doit être minLon,minLat,maxLon,maxLat dans les bornes WGS 84.', en: 'bbox must be minLon,minLat,maxLon,maxLat within WGS 84 bounds.' },
  ERR_BAD_TIME_RANGE: { status: 400, fr: 'La période est inversée : « from » doit précéder « to ».', en: 'The time range is inverted: "from" must come before "to".' },
  ERR_UNKNOWN_EVENT_TYPE: { status: 422, fr: 'Type d’événement inconnu : {value}.', en: 'Unknown event type: {value}.' },
  ERR_SUB_EVENT_TYPE_MISMATCH: { status: 422, fr: 'Le sous-type « {value} » n’appartient pas au type « {eventType} ».', en: 'Sub-event type "{value}" does not belong to event type "{eventType}".' },
  ERR_OCCURRED_IN_FUTURE: { status: 422, fr: 'La date de l’événement est dans le futur.', en: 'The event date is in the future.' },
  ERR_OUTSIDE_AREA: { status: 422, fr: 'Ce point est hors de la zone du mécanisme.', en: 'This point is outside the mechanism’s area.' },
  ERR_RELEASE_OUTSIDE_MECHANISM: { status: 422, fr: 'Diffusion impossible vers {value} : cette nation ne fait pas partie du mécanisme.', en: 'Cannot release to {value}: that nation is not part of the mechanism.' },
  ERR_NOT_OWNER: { status: 403, fr: 'Seule la nation propriétaire ({owner}) peut modifier cet enregistrement.', en: 'Only the owner nation ({owner}) may change this record.' },
  ERR_FORBIDDEN_ROLE: { status: 403, fr: 'Votre rôle ({role}) ne permet pas cette action.', en: 'Your role ({role}) does not allow this action.' },
  ERR_NOT_FOUND: { status: 404, fr: 'Introuvable : {kind} {id}.', en: 'Not found: {kind} {id}.' },
  ERR_ROUTE_NOT_FOUND: { status: 404, fr: 'Adresse inconnue.', en: 'Unknown address.' },
  ERR_UNAUTHENTICATED: { status: 401, fr: 'Authentification requise.', en: 'Authentication required.' },
  ERR_BAD_CREDENTIALS: { status: 401, fr: 'Identifiant ou mot de passe incorrect.', en: 'Wrong username or password.' },
  ERR_TOO_MANY_ATTEMPTS: { status: 429, fr: 'Trop de tentatives de connexion ; réessayez dans {seconds} s.', en: 'Too many login attempts; try again in {seconds} s.' },
  ERR_PATROL_TRANSITION: { status: 409, fr: 'Une patrouille « {from} » ne peut pas passer à « {to} ».', en: 'A patrol that is "{from}" cannot become "{to}".' },
  ERR_PATROL_NOT_APPROVED: { status: 409, fr: 'La patrouille n’est pas encore approuvée par toutes les nations ({pending}).', en: 'The patrol is not yet approved by every nation ({pending}).' },
  ERR_ALREADY_APPROVED: { status: 409, fr: 'La nation {nation} a déjà approuvé cette patrouille.', en: 'Nation {nation} has already approved this patrol.' },
  ERR_NOT_A_PARTICIPANT: { status: 403, fr: 'La nation {nation} ne participe pas à cette patrouille.', en: 'Nation {nation} does not take part in this patrol.' },
  ERR_JOINT_NEEDS_UNITS: { status: 422, fr: 'Une patrouille conjointe exige au moins une unité de chaque nation participante (manque : {missing}).', en: 'A joint patrol needs at least one unit of each participating nation (missing: {missing}).' },
  ERR_UNKNOWN_UNIT: { status: 422, fr: 'Unité inconnue : {value}.', en: 'Unknown unit: {value}.' },
  ERR_UNKNOWN_AXIS: { status: 422, fr: 'Axe inconnu : {value}.', en: 'Unknown axis: {value}.' },
  ERR_BAD_WINDOW: { status: 422, fr: 'La fin de la fenêtre doit suivre son début.', en: 'The window must end after it starts.' },
  ERR_PATROL_NOT_UNDERWAY: { status: 409, fr: 'Les positions ne sont acceptées que pour une patrouille en cours.', en: 'Positions are only accepted for a patrol under way.' },
  ERR_USERNAME_TAKEN: { status: 409, fr: 'Le nom d’utilisateur {value} existe déjà.', en: 'Username {value} already exists.' },
  ERR_NODE_NOT_INITIALISED: { status: 500, fr: 'Le nœud n’est pas initialisé (lancez « diboli init »).', en: 'The node is not initialised (run "diboli init").' },
  ERR_EARLY_WARNING_INPUT: { status: 400, fr: 'Valeur refusée pour « {field} » : {fr}', en: 'Value refused for "{field}": {en}' },
  ERR_ALERT_NOT_PUBLIC: { status: 409, fr: 'Cette alerte n’est pas destinée à la population : pas de document CAP.', en: 'This alert is not meant for the population: no CAP document.' },
  ERR_ALERT_RULE_EXISTS: { status: 409, fr: 'Une règle d’alerte {value} existe déjà.', en: 'Alert rule {value} already exists.' },
  ERR_WEBHOOK_TARGET_REFUSED: { status: 400, fr: 'Adresse de webhook refusée : {address} n’est pas une adresse publique ({fr}) ; l’administrateur du nœud peut l’autoriser (webhookAllowedHosts).', en: 'Webhook address refused: {address} is not a public address ({en}); the node’s administrator may allow it (webhookAllowedHosts).' },
  ERR_NO_SUCH_PROPOSAL: { status: 404, fr: 'Aucune proposition de patrouille n° {value} pour ces paramètres.', en: 'No patrol proposal number {value} for these parameters.' },
  ERR_PDF_UNAVAILABLE: { status: 503, fr: 'Impression PDF impossible : {detail}', en: 'PDF printing is unavailable: {detail}' },
  ERR_PDF_BUSY: { status: 429, fr: 'Un de vos rapports est déjà en cours d’impression ; réessayez dans {seconds} s.', en: 'One of your reports is already printing; try again in {seconds} s.' },
  ERR_PDF_QUEUE_FULL: { status: 503, fr: 'Trop de rapports attendent l’impression ; réessayez dans {seconds} s.', en: 'Too many reports are waiting to be printed; try again in {seconds} s.' },
  ERR_CANDIDATE_REVIEWED: { status: 409, fr: 'Cet événement candidat a déjà été traité ({status}).', en: 'This candidate event was already reviewed ({status}).' },
  ERR_CANDIDATE_NEEDS_LOCATION: { status: 422, fr: 'Lieu inconnu : indiquez la position de l’événement avant de l’accepter.', en: 'Unknown place: give the event a location before accepting it.' },
  ERR_CANDIDATE_NEEDS_DATE: { status: 422, fr: 'Date inconnue : indiquez la date de l’événement avant de l’accepter.', en: 'Unknown date: give the event a date before accepting it.' },
  ERR_NEWS_UNREADABLE: { status: 422, fr: 'Article illisible : {detail}', en: 'Unreadable article: {detail}' },
  ERR_FEED_UNREACHABLE: { status: 502, fr: 'Flux injoignable ou invalide : {detail}', en: 'Feed unreachable or invalid: {detail}' },
  ERR_INTERNAL: { status: 500, fr: 'Erreur interne du serveur.', en: 'Internal server error.' },
  ERR_FEDERATION_UNAUTHENTICATED: { status: 401, fr: 'Requête de nœud partenaire refusée.', en: 'Partner node request refused.' },
  ERR_BAD_PUBLIC_KEY: { status: 400, fr: 'Clé publique Ed25519 invalide (base64 brute ou SPKI attendue).', en: 'Invalid Ed25519 public key (raw or SPKI base64 expected).' },
  ERR_BAD_PEER_URL: { status: 400, fr: 'Adresse de nœud partenaire invalide : {value} (http:// ou https:// attendu).', en: 'Invalid partner node address: {value} (http:// or https:// expected).' },
  ERR_NOT_A_PARTNER: { status: 422, fr: 'La nation {nation} n’est pas partenaire de ce nœud dans le mécanisme.', en: 'Nation {nation} is not a partner of this node in the mechanism.' },
  ERR_UNKNOWN_PEER: { status: 404, fr: 'Aucun nœud partenaire enregistré pour {nation}.', en: 'No partner node registered for {nation}.' },
  ERR_NO_SECONDMENT: { status: 403, fr: 'Ce compte de la nation {nation} n’a pas d’accréditation de détachement valide signée par le nœud de sa nation : il lit ce qui est diffusé à sa nation et n’écrit rien ici.', en: 'This account of nation {nation} holds no valid secondment credential signed by its nation’s node: it reads what is released to its nation and writes nothing here.' },
  ERR_OUTSIDE_SECONDMENT: { status: 403, fr: 'Un officier détaché de la nation {nation} ne peut ici que proposer et approuver les patrouilles conjointes de sa nation, accuser réception des alertes et (coordinateur) gérer les webhooks de sa nation.', en: 'A seconded officer of nation {nation} may only propose and approve its nation’s joint patrols, acknowledge alerts and (coordinator) manage its nation’s webhooks here.' },
  ERR_BAD_CREDENTIAL: { status: 422, fr: 'Accréditation de détachement refusée : {reason}.', en: 'Secondment credential refused: {reason}.' },
  ERR_KEY_IN_USE: { status: 409, fr: 'Cette clé publique est déjà celle du nœud de {nation}.', en: 'This public key already belongs to the node of {nation}.' },
  ERR_PASSWORD_TOO_SHORT: { status: 422, fr: 'Mot de passe trop court : au moins {min} caractères.', en: 'Password too short: at least {min} characters.' },
  ERR_PASSWORD_HAS_USERNAME: { status: 422, fr: 'Le mot de passe ne doit pas reprendre le nom d’utilisateur.', en: 'The password must not be made from the username.' },
  ERR_PASSWORD_WEAK: { status: 422, fr: 'Mot de passe trop facile à deviner (mot courant, suite du clavier, date…) : allongez-le, par exemple avec plusieurs mots sans rapport entre eux.', en: 'Password too easy to guess (common word, keyboard run, date…): make it longer, for instance with several unrelated words.' },
  ERR_SECOND_FACTOR_REQUIRED: { status: 401, fr: 'Saisissez le code de votre application d’authentification (ou un code de secours).', en: 'Enter the code from your authenticator app (or a recovery code).' },
  ERR_BAD_SECOND_FACTOR: { status: 401, fr: 'Code incorrect, expiré ou déjà utilisé.', en: 'Wrong, expired or already used code.' },
  ERR_SECOND_FACTOR_ENROLMENT_REQUIRED: { status: 403, fr: 'Votre rôle exige une double authentification : enregistrez d’abord une application d’authentification.', en: 'Your role requires two-factor authentication: set up an authenticator app first.' },
  ERR_SECOND_FACTOR_ENROLLED: { status: 409, fr: 'Une double authentification est déjà en place pour ce compte ; l’administrateur peut la réinitialiser (diboli user reset-2fa).', en: 'Two-factor authentication is already set up for this account; the administrator can reset it (diboli user reset-2fa).' },
  ERR_SECOND_FACTOR_NOT_STARTED: { status: 409, fr: 'Aucun enregistrement de double authentification en cours pour ce compte.', en: 'No two-factor set-up is in progress for this account.' },
  ERR_SECOND_FACTOR_UNREADABLE: { status: 500, fr: 'Le secret de double authentification est illisible (clé du dossier de données changée) ; l’administrateur doit lancer « diboli user reset-2fa ».', en: 'The two-factor secret cannot be read (the data folder’s key changed); the administrator must run "diboli user reset-2fa".' },
  // The HTTP edge: what reaches the node before any route runs.
  ERR_BAD_DATE_TIME: { status: 400, fr: 'Date ou heure invalide : « {value} » (ISO 8601 attendu, secondes de 00 à 59).', en: 'Invalid date or time: "{value}" (ISO 8601 expected, seconds 00 to 59).' },
  ERR_JSON_TOO_DEEP: { status: 400, fr: 'Le corps de la requête est imbriqué sur plus de {max} niveaux.', en: 'The request body is nested more than {max} levels deep.' },
  ERR_UNSUPPORTED_MEDIA_TYPE: { status: 415, fr: 'Type de contenu non accepté : le corps doit être du JSON (application/json).', en: 'Content type not accepted: the body must be JSON (application/json).' },
  ERR_BODY_TOO_LARGE: { status: 413, fr: 'Le corps de la requête est trop volumineux.', en: 'The request body is too large.' },
  ERR_BAD_URL: { status: 400, fr: 'Adresse mal formée.', en: 'Malformed address.' },
  ERR_BAD_TILE: { status: 400, fr: 'Tuile hors de la grille : {z}/{x}/{y} (zoom de 0 à {max}, x et y de 0 à 2^zoom − 1).', en: 'Tile off the grid: {z}/{x}/{y} (zoom 0 to {max}, x and y 0 to 2^zoom − 1).' },
  ERR_BAD_GLYPH_RANGE: { status: 400, fr: 'Plage de glyphes invalide : « {value} » (256 points de code, par exemple 0-255).', en: 'Invalid glyph range: "{value}" (256 code points, for example 0-255).' },
  ERR_URI_TOO_LONG: { status: 414, fr: 'Adresse trop longue.', en: 'Address too long.' },
  // The web UI's reach: draft patrols, overrides lifted early.
  ERR_PATROL_NOT_DRAFT: { status: 409, fr: 'Seule une patrouille en brouillon se modifie (celle-ci est « {status} »).', en: 'Only a draft patrol can be changed (this one is "{status}").' },
  ERR_NO_OVERRIDE: { status: 404, fr: 'Aucun forçage en cours sur le tronçon {section}.', en: 'No override in force on section {section}.' },
  ERR_REPORT_AUDIENCE: { status: 403, fr: 'Vous ne pouvez pas établir de rapport vu de {nation} : seulement de votre nation, ou (nation du nœud) d’un partenaire du mécanisme.', en: 'You may not make a report as {nation} sees it: only as your nation does, or (the node’s nation) as a partner of the mechanism does.' },
  ERR_NOT_OVERRIDE_AUTHOR: { status: 403, fr: 'Seul le coordinateur qui a forcé ce niveau peut lever le forçage avant son échéance.', en: 'Only the coordinator who forced this level may lift the override before it expires.' },
  ERR_HEADERS_TOO_LARGE: { status: 431, fr: 'En-têtes de la requête trop volumineux.', en: 'Request headers too large.' },
  ERR_BAD_REQUEST: { status: 400, fr: 'Requête HTTP mal formée.', en: 'Malformed HTTP request.' },
  ERR_REQUEST_TIMEOUT: { status: 408, fr: 'La requête n’est pas arrivée à temps.', en: 'The request did not arrive in time.' },
  // Exchange formats: imports of ACLED's CSV and GPX routes, exports.
  ERR_ACLED_VALUE: { status: 422, fr: 'Valeur illisible dans la colonne {column} : « {value} ».', en: 'Unreadable value in column {column}: "{value}".' },
  ERR_ACLED_COLUMNS_MISSING: { status: 422, fr: 'Ce fichier n’a pas la disposition des colonnes d’ACLED : il manque {columns}.', en: 'This file does not have ACLED’s column layout: {columns} missing.' },
  ERR_ACLED_UNREADABLE: { status: 422, fr: 'Fichier CSV illisible : {detail}', en: 'Unreadable CSV file: {detail}' },
  ERR_ACLED_TOO_MANY_ROWS: { status: 413, fr: 'Trop de lignes pour une importation : {max} au plus ; découpez le fichier.', en: 'Too many rows for one import: {max} at most; split the file.' },
  ERR_CSV_ONLY: { status: 415, fr: 'Type de contenu non accepté : le corps doit être un fichier CSV (text/csv).', en: 'Content type not accepted: the body must be a CSV file (text/csv).' },
  ERR_GPX_ONLY: { status: 415, fr: 'Type de contenu non accepté : le corps doit être un fichier GPX (application/gpx+xml).', en: 'Content type not accepted: the body must be a GPX file (application/gpx+xml).' },
  ERR_GPX_UNREADABLE: { status: 422, fr: 'Fichier GPX illisible : {detail}', en: 'Unreadable GPX file: {detail}' },
  ERR_GPX_NO_ROUTE: { status: 422, fr: 'Ce fichier GPX ne contient ni itinéraire ni trace d’au moins deux points.', en: 'This GPX file holds no route or track of at least two points.' },
  ERR_PATROL_NO_ROUTE: { status: 404, fr: 'Cette patrouille n’a pas d’itinéraire prévu.', en: 'This patrol has no planned route.' },
  // Field messages: SMS gateways, phones bound to users, the radio operator's screen.
  ERR_GATEWAY_UNAUTHENTICATED: { status: 401, fr: 'Passerelle SMS inconnue : jeton absent ou invalide (Authorization: Bearer).', en: 'Unknown SMS gateway: token missing or invalid (Authorization: Bearer).' },
  ERR_SMS_BODY_TYPE: { status: 415, fr: 'Type de contenu non accepté : JSON (application/json) ou formulaire (application/x-www-form-urlencoded).', en: 'Content type not accepted: JSON (application/json) or form (application/x-www-form-urlencoded).' },
  ERR_BAD_PHONE: { status: 422, fr: 'Numéro de téléphone invalide : « {value} » (format international, par exemple +22376000000).', en: 'Invalid phone number: "{value}" (international format, for example +22376000000).' },
  ERR_PHONE_TAKEN: { status: 409, fr: 'Le numéro {value} est déjà celui d’un autre utilisateur.', en: 'Number {value} already belongs to another user.' },
  ERR_GATEWAY_NAME_TAKEN: { status: 409, fr: 'Une passerelle SMS nommée {value} existe déjà.', en: 'An SMS gateway named {value} already exists.' },
  ERR_UNKNOWN_PATROL_CODE: { status: 404, fr: 'Aucune patrouille {code} sur ce nœud.', en: 'No patrol {code} on this node.' },
  ERR_NOT_A_FIELD_SENDER: { status: 422, fr: 'L’utilisateur {value} ne peut pas émettre de messages de terrain (chef de patrouille ou coordinateur de ce nœud).', en: 'User {value} cannot send field messages (a patrol leader or coordinator of this node).' },
  ERR_FOREIGN_ORIGIN: { status: 403, fr: 'Modification refusée : elle ne vient pas d’une page de ce nœud.', en: 'Change refused: it does not come from a page of this node.' },
  ERR_UNKNOWN_USER: { status: 422, fr: 'Ce nœud n’a pas d’utilisateur {value} qui puisse rapporter pour une patrouille.', en: 'This node has no user {value} who may report for a patrol.' },
  ERR_NOT_PATROL_REPORTER: { status: 403, fr: 'Vous ne rapportez pas pour la patrouille {code}.', en: 'You do not report for patrol {code}.' },
  ERR_PHOTO_TYPE: { status: 415, fr: 'Ce fichier n’est pas une photo JPEG, PNG ou WebP (d’après son contenu).', en: 'This file is not a JPEG, PNG or WebP photo (by its content).' },
  ERR_PHOTO_UNREADABLE: { status: 422, fr: 'Photo illisible : {detail}', en: 'Unreadable photo: {detail}' },
  // TAK: Cursor-on-Target events over HTTP and on the TAK stream.
  ERR_COT_REFUSED: { status: 422, fr: 'Événement CoT refusé : {reason}.', en: 'CoT event refused: {reason}.' },
  ERR_COT_ONLY: { status: 415, fr: 'Type de contenu non accepté : le corps doit être un événement CoT en XML (application/xml).', en: 'Content type not accepted: the body must be one CoT event in XML (application/xml).' },
  ERR_TAK_CA_EXISTS: { status: 409, fr: 'Ce nœud a déjà son autorité de certification TAK (dossier tak/ des données).', en: 'This node already has its TAK certificate authority (tak/ in the data folder).' },
  ERR_TAK_CA_MISSING: { status: 409, fr: 'Ce nœud n’a pas d’autorité de certification TAK : lancez « diboli tak ca init ».', en: 'This node has no TAK certificate authority: run "diboli tak ca init".' },
  ERR_TAK_NO_PATROL: { status: 409, fr: 'Vous ne menez aucune patrouille en cours : cette position ou ce marqueur n’a pas de patrouille où être rangé.', en: 'You lead no patrol under way: this position or marker has no patrol to be filed under.' },
} as const satisfies Record<string, CatalogueEntry>;

export type ErrorCode = keyof typeof CATALOGUE;
export type ErrorParams = Record<string, string | number>;

export class DiboliError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;
  readonly field: string | undefined;

  constructor(code: ErrorCode, params: ErrorParams = {}, field?: string) {
    super(renderMessage(code, params, 'en'));
    this.name = 'DiboliError';
    this.code = code;
    this.params = params;
    this.field = field;
  }

  get status(): number {
    return CATALOGUE[this.code].status;
  }

  messageIn(lang: Lang): string {
    return renderMessage(this.code, this.params, lang);
  }
}

export function renderMessage(code: ErrorCode, params: ErrorParams, lang: Lang): string {
  return CATALOGUE[code][lang].replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

export function statusOf(code: ErrorCode): number {
  return CATALOGUE[code].status;
}

/*
 * Problems with one field of a document checked as a whole (early-warning settings, overrides,
 * alert rules, CAP documents, recommendation requests). The checks collect every problem; the
 * request is refused with ERR_EARLY_WARNING_INPUT naming the first one.
 */
export type FieldProblem =
  | 'required'
  | 'not_a_number'
  | 'must_be_positive'
  | 'must_not_be_negative'
  | 'must_be_fraction'
  | 'thresholds_out_of_order'
  | 'unknown_event_type'
  | 'unknown_sub_event_type'
  | 'window_inverted'
  | 'not_a_date'
  | 'unknown_level'
  | 'reason_required'
  | 'expiry_not_after_start'
  | 'invalid_characters'
  | 'polygon_too_short'
  | 'out_of_range'
  | 'not_allowed';

/** An error naming the field at fault, with a message in both working languages. */
export interface FieldError {
  field: string;
  code: FieldProblem;
  message: { fr: string; en: string };
}

const FIELD_PROBLEMS: Record<FieldProblem, { fr: string; en: string }> = {
  required: { fr: 'Champ obligatoire.', en: 'This field is required.' },
  not_a_number: { fr: 'Un nombre fini est attendu.', en: 'A finite number is expected.' },
  must_be_positive: { fr: 'La valeur doit être strictement positive.', en: 'The value must be greater than zero.' },
  must_not_be_negative: { fr: 'La valeur ne peut pas être négative.', en: 'The value must not be negative.' },
  must_be_fraction: { fr: 'La valeur doit être comprise entre 0 et 1.', en: 'The value must lie between 0 and 1.' },
  thresholds_out_of_order: {
    fr: 'Les seuils doivent croître : modéré < élevé < critique.',
    en: 'Thresholds must increase: medium < high < critical.',
  },
  unknown_event_type: { fr: 'Type d’événement inconnu.', en: 'Unknown event type.' },
  unknown_sub_event_type: { fr: 'Sous-type d’événement inconnu.', en: 'Unknown sub-event type.' },
  window_inverted: { fr: 'La fin de la fenêtre doit suivre son début.', en: 'The window must end after it starts.' },
  not_a_date: { fr: 'Date ISO 8601 attendue.', en: 'An ISO 8601 date is expected.' },
  unknown_level: {
    fr: 'Niveau attendu : low, medium, high ou critical.',
    en: 'Expected level: low, medium, high or critical.',
  },
  reason_required: { fr: 'Un motif est obligatoire pour forcer un niveau.', en: 'A reason is required to override a level.' },
  expiry_not_after_start: {
    fr: 'L’échéance doit suivre la date de début.',
    en: 'The expiry must come after the start.',
  },
  invalid_characters: {
    fr: 'Espaces, virgules, « < » et « & » sont interdits ici.',
    en: 'Spaces, commas, "<" and "&" are not allowed here.',
  },
  polygon_too_short: {
    fr: 'Un polygone fermé d’au moins quatre points est attendu.',
    en: 'A closed polygon of at least four points is expected.',
  },
  out_of_range: { fr: 'Valeur hors des bornes permises.', en: 'The value is out of the allowed range.' },
  not_allowed: { fr: 'Valeur non permise.', en: 'The value is not allowed.' },
};

export function fieldError(field: string, code: FieldProblem): FieldError {
  return { field, code, message: FIELD_PROBLEMS[code] };
}

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export function fieldErrorToDiboli(errors: readonly FieldError[]): DiboliError {
  const first = errors[0] ?? { field: 'input', message: { fr: 'valeur invalide', en: 'invalid value' } };
  return new DiboliError('ERR_EARLY_WARNING_INPUT', { field: first.field, fr: first.message.fr, en: first.message.en }, first.field);
}
