/**
 * Words that tell a sentence or a headline does not report a new event: what may happen, what a
 * ministry says, what a trial or an anniversary recalls, another section's story. Read by the
 * assembly of an article's events (`assemble-events.ts`).
 */
import { ofLastDays } from './days-since-event.js';

// « qui ont fui les combats de mars », "driven out by jihadist attacks": the fighting the displaced
// fled is their story's cause, told as background to where they live now.
export const FLED_FROM =
  /\b(?:(?:ont |avaient |ayant )?fui|fuyant|fuir|fuient|chasse(?:e|s|es)? (?:de [\w' ]{0,30})?par|fled|fleeing|flee|driven (?:out |away )?by|displaced by|forced out by) (?:les |des |la |the |from the |from )?(?:[\w-]+ ){0,2}(?:combats|attaques|violences|exactions|affrontements|fighting|attacks|violence|clashes|raids)\b/;

// Statements about what may happen or what usually happens do not report an event, nor do
// sentences summing up many ("hit several times over the past few months") or telling their trend
// (« les attaques se multiplient », "a rise in attacks on security posts").
export const HYPOTHETICAL =
  /\b(pourrai(?:t|ent)|risque(?:nt)? de|menace(?:nt)? de|craint|could|would|might|may|warn(?:s|ed)?|threat(?:ens)?|si |if |devr(?:ait|aient)|chaque annee|every year|souvent|often|regulierement|regularly|routine|de plus en plus|increasingly|a plusieurs reprises|several times|many times|maintes fois|ces derniers mois|(?:au cours|durant|pendant) des (?:derniers|six|trois) mois|(?:over|in|during) the (?:past|last) (?:few |several |six |three )?months|in recent (?:months|years)|ces dernieres annees|(?:au cours|durant) des dernieres annees|chaque saison|every season|(?:attaques|actes|exactions|incursions|violences) (?:repetee|recurrente)s|(?:repeated|recurring) (?:attacks|acts|incursions|abuses|raids)|se multiplient|multiplication des|recrudescence|intensification des|(?:hausse|montee) des (?:attaques|violences|enlevements|incidents)|(?:rise|surge|increase|upsurge|uptick) in (?:attacks|violence|kidnappings|abductions|incidents)|spate of)\b/i;
export const STATEMENT =
  /\b(ministere|ministry|gouvernement|government|porte-parole|spokes(?:man|woman|person))\b.*\b(?:(?:a|avait|ont|avaient) (?:affirme|declare|annonce|indique|dementi)|said|denied|announced|stated)\b/i;
// An attribution closing the sentence: « …, the government said », « …, a indiqué le ministère ».
export const ATTRIBUTED =
  /, [^,]{0,60}\b(?:said|says|announced|stated|reported|a (?:indique|annonce|declare|affirme|precise)|ont (?:indique|annonce|declare|affirme))\b[^,]{0,50}$/;
// A trial, a verdict, an anniversary tells of an event long past, not of a new one.
export const RETROSPECTIVE =
  /\b(proces|tribunal|cour d'assises|chambre (?:criminelle|speciale)|jugement|verdict|condamne\w*|inculpe\w*|comparu\w*|audience|assises|commemor\w*|anniversaire|hommage|il y a (?:un|deux|trois|\d+) ans|trial|court|convicted|sentenced|accused of|hearing|anniversary|memorial|years? ago)\b/;
// Words of other sections: a match report, a festival, a health campaign is not a security event.
export const OTHER_GENRES =
  /\b(match|championnat|ligue 1|football|buts?|penalty|stade|coupe d'afrique|can \d{4}|demi-finale|quarts? de finale|festival|concerts?|film|cineaste|televis|vaccination|vaccin|campagne sanitaire|goals?|tournament|league|season|semi-final|advisory|travel|tourism|workshop|training course|atelier de formation)\b/gi;

// Headlines of other genres: courts, health, interviews, analyses, looks back, accidents, drills
// (« les forces spéciales clôturent l'exercice », an enemy « fictif » beaten for the minister).
export const OTHER_GENRE_TITLE =
  /\b(exercices?|exercises?|drills?|simulation|explainer|remembering|years after|ans apres|proces|cour d'assises|tribunal|restent en detention|maintenus? en detention|liberte provisoire|condamne\w*|verdict|juges?|court|sentenc\w*|trial|cholera|epidemie|epidemic|outbreak|vaccination|vaccine|fievre jaune|yellow fever|rougeole|measles|paludisme|malaria|polio|entretien|interview|analyse|analysis|backgrounder|reportage|editorial|opinion|tribune|revue de presse|press review|a la une des (?:quotidiens|journaux)|front pages|anniversaire|commemoration|anniversary|years on|il y a \d+ ans|effondrement|collapse|eboulements?|landslides?|cave-ins?|caved in|glissements? de terrain|accident|noyade|drame sur)\b/;
// A headline looking back names the old event by its trigger (« survivors recount the ferry
// massacre »): the trigger does not make the piece a new event's report.
// Those that count the time since the event (« un an après », "years on") are never a report of
// it, whatever the text dates; the others (« retour sur », "recounts") also go back over the last
// days' events.
const TIME_SINCE = String.raw`(?:years?|months?|weeks?) (?:on|after)|(?:ans?|mois|semaines) apres|anniversary|anniversaire|il y a \d+ ans`;
const TIME_SINCE_TITLE = new RegExp(`\\b(${TIME_SINCE})\\b`);
const LOOK_BACK_TITLE = new RegExp(
  `\\b(${TIME_SINCE}|remembering|remembrance|recount\\w*|racontent|se souviennent|retour sur|revient sur|reviennent sur|looking back|a look back)\\b`,
);

/**
 * Whether a headline (folded) looks back at its event rather than reporting it: it counts the time
 * since, or it goes back over an event its text does not date, to the day, in the two days before
 * the page (`published`); `dateAssumed` when the page's day stands in for the event's.
 */
export function headlineLooksBack(headline: string, eventDate: string | null, dateAssumed: boolean, published: string | null): boolean {
  return LOOK_BACK_TITLE.test(headline) && (TIME_SINCE_TITLE.test(headline) || dateAssumed || !ofLastDays(eventDate, published));
}
// A court's verdict on an attack (« Attentats du Radisson : la peine de mort », "massacre: two
// get life sentences") reports the trial, however strongly the headline names the attack.
export const VERDICT_TITLE =
  /\b(proces(?! verbal)|cour d'assises|peine de mort|peine capitale|perpetuite|(?:condamnes?|condamnees?) a (?:mort|\d+ ans|la prison|perpetuite)|life sentences?|sentenced to|death sentences?|on trial|trial opens|acquitt\w*)\b/;
