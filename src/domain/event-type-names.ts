/**
 * French names of the event types and sub-types. The codes stay in English (ACLED's exact
 * spellings, shared with exports); only what an officer or the population reads is translated.
 * The web UI reads these tables too, so this file imports nothing.
 */
export const EVENT_TYPE_FR: Readonly<Record<string, string>> = {
  Battles: 'Combats',
  'Explosions/Remote violence': 'Explosions / violence à distance',
  'Violence against civilians': 'Violence contre des civils',
  Protests: 'Manifestations',
  Riots: 'Émeutes',
  'Strategic developments': 'Évolutions stratégiques',
  'Border activity': 'Activité frontalière',
};

export const SUB_EVENT_TYPE_FR: Readonly<Record<string, string>> = {
  'Armed clash': 'Affrontement armé',
  'Government regains territory': "L'État reprend un territoire",
  'Non-state actor overtakes territory': 'Un acteur non étatique prend un territoire',
  'Chemical weapon': 'Arme chimique',
  'Air/drone strike': 'Frappe aérienne / de drone',
  'Suicide bomb': 'Attentat-suicide',
  'Shelling/artillery/missile attack': "Tir d'artillerie / de missile",
  'Remote explosive/landmine/IED': 'Engin explosif / mine / EEI',
  Grenade: 'Grenade',
  'Sexual violence': 'Violence sexuelle',
  Attack: 'Attaque',
  'Abduction/forced disappearance': 'Enlèvement / disparition forcée',
  'Peaceful protest': 'Manifestation pacifique',
  'Protest with intervention': 'Manifestation avec intervention',
  'Excessive force against protesters': 'Force excessive contre des manifestants',
  'Violent demonstration': 'Manifestation violente',
  'Mob violence': 'Violence de foule',
  Agreement: 'Accord',
  Arrests: 'Arrestations',
  'Change to group/activity': "Changement de groupe / d'activité",
  'Disrupted weapons use': "Emploi d'armes déjoué",
  'Headquarters or base established': 'Quartier général ou base établi',
  'Looting/property destruction': 'Pillage / destruction de biens',
  'Non-violent transfer of territory': 'Transfert non violent de territoire',
  Other: 'Autre',
  Smuggling: 'Contrebande',
  'Illegal crossing': 'Franchissement illégal',
  'Illegal gold mining': 'Orpaillage illégal',
  'Cattle rustling': 'Vol de bétail',
  Displacement: 'Déplacement de population',
};

/** The event type as a reader of `language` names it. */
export function eventTypeName(code: string, language: 'fr' | 'en'): string {
  return language === 'fr' ? (EVENT_TYPE_FR[code] ?? code) : code;
}
