import type { Lang } from '../errors.js';
import { MAX_MESSAGE_LENGTH, type FieldCommand, type MessageProblem } from './message.js';
import { typeCodes, type ObservationType } from './observation-types.js';
import { KEYWORD_OF, type CommandName } from './words.js';

/**
 * Every reply a field message gets, word for word, in French and English (docs/field-messages.md
 * quotes them). A refusal says what was wrong and the right form; a confirmation names the
 * record's short reference.
 */

/** The sender's language: the one their account states, else the one their keywords were in, else French. */
export function replyLanguage(account: Lang | null | undefined, message: Lang | null): Lang {
  return account ?? message ?? 'fr';
}

const POINT_EXAMPLE = '14.4551 -12.1995';

/** The right form of each command, with the patrol code the sender used (or an example). */
export function formOf(command: CommandName, code: string, lang: Lang): string {
  const k = KEYWORD_OF[command][lang];
  switch (command) {
    case 'start':
      return `${k} ${code}`;
    case 'position':
      return `${k} ${code} ${POINT_EXAMPLE} 0930`;
    case 'observation':
      return lang === 'fr' ? `${k} ${code} CONT P5 ${POINT_EXAMPLE} 0930 texte` : `${k} ${code} SMUG P5 ${POINT_EXAMPLE} 0930 text`;
    case 'end':
      return lang === 'fr' ? `${k} ${code} compte rendu` : `${k} ${code} debrief`;
    case 'help':
      return k;
  }
}

function what(problem: MessageProblem, lang: Lang): string {
  const fr = lang === 'fr';
  switch (problem.problem) {
    case 'empty':
      return fr ? 'message vide.' : 'empty message.';
    case 'too_long':
      return fr
        ? `message trop long (${problem.length} caractères, ${MAX_MESSAGE_LENGTH} au plus).`
        : `message too long (${problem.length} characters, at most ${MAX_MESSAGE_LENGTH}).`;
    case 'unknown_command':
      return fr ? `commande inconnue : ${problem.word}.` : `unknown command: ${problem.word}.`;
    case 'missing_patrol':
      return fr ? 'code de patrouille manquant.' : 'patrol code missing.';
    case 'bad_patrol_code':
      return fr ? `code de patrouille illisible : ${problem.word}.` : `unreadable patrol code: ${problem.word}.`;
    case 'missing_coordinates':
      return fr ? 'position manquante.' : 'position missing.';
    case 'bad_coordinates':
      return fr
        ? `position illisible : ${problem.text} (écrire ${POINT_EXAMPLE}, 1427.3N 01212.0W ou 28PDA1234567890).`
        : `unreadable position: ${problem.text} (write ${POINT_EXAMPLE}, 1427.3N 01212.0W or 28PDA1234567890).`;
    case 'bad_time':
      return fr ? `heure illisible : ${problem.word} (HHMM, par exemple 0930).` : `unreadable time: ${problem.word} (HHMM, for example 0930).`;
    case 'future_time':
      return fr ? `heure dans le futur : ${problem.word}.` : `time in the future: ${problem.word}.`;
    case 'missing_type':
      return fr ? `type d’observation manquant (${typeCodes('fr')}).` : `observation type missing (${typeCodes('en')}).`;
    case 'unknown_type':
      return fr ? `type inconnu : ${problem.word} (${typeCodes('fr')}).` : `unknown type: ${problem.word} (${typeCodes('en')}).`;
    case 'repeated_count':
      return fr ? `compte donné deux fois : ${problem.word}.` : `count given twice: ${problem.word}.`;
    case 'missing_text':
      return fr ? 'texte manquant après NOTE.' : 'text missing after NOTE.';
    case 'extra_words':
      return fr ? `mots en trop : ${problem.text}.` : `unexpected words: ${problem.text}.`;
  }
}

/** The command whose form a problem's reply shows. */
function commandOf(problem: MessageProblem): CommandName {
  if ('command' in problem) return problem.command;
  if (problem.problem === 'missing_type' || problem.problem === 'unknown_type' || problem.problem === 'repeated_count' || problem.problem === 'missing_text')
    return 'observation';
  return 'help';
}

/** The reply to a message that could not be read. */
export function problemReply(problem: MessageProblem, lang: Lang, code: string): string {
  const command = commandOf(problem);
  const form = command === 'help' ? helpText(null, lang, code) : formOf(command, code, lang);
  return lang === 'fr' ? `Refusé : ${what(problem, lang)} Forme : ${form}` : `Refused: ${what(problem, lang)} Form: ${form}`;
}

/** The reply to a message read but refused by the node (unknown patrol, not its reporter…): the catalogue's message. */
export function refusalReply(message: string, lang: Lang): string {
  return lang === 'fr' ? `Refusé : ${message}` : `Refused: ${message}`;
}

function typeCode(type: ObservationType, lang: Lang): string {
  return type[lang];
}

const fixed = (value: number) => value.toFixed(5);

/** The reply to a command the node recorded; `clock` is the record's hour in the mechanism's zone. */
export function confirmationReply(command: Exclude<FieldCommand, { kind: 'help' }>, lang: Lang, reference: string, clock: string): string {
  const fr = lang === 'fr';
  const ref = fr ? `Réf. ${reference}` : `Ref. ${reference}`;
  switch (command.kind) {
    case 'start':
      return fr ? `Patrouille ${command.patrolCode} démarrée. ${ref}` : `Patrol ${command.patrolCode} started. ${ref}`;
    case 'position': {
      const point = `${fixed(command.point.lat)} ${fixed(command.point.lon)}`;
      return fr
        ? `Position ${command.patrolCode} enregistrée : ${point} à ${clock}. ${ref}`
        : `Position ${command.patrolCode} recorded: ${point} at ${clock}. ${ref}`;
    }
    case 'observation': {
      const type = typeCode(command.type, lang);
      return fr
        ? `Observation ${command.patrolCode} enregistrée : ${type} à ${clock}. ${ref}`
        : `Observation ${command.patrolCode} recorded: ${type} at ${clock}. ${ref}`;
    }
    case 'end':
      return fr ? `Patrouille ${command.patrolCode} terminée. ${ref}` : `Patrol ${command.patrolCode} ended. ${ref}`;
  }
}

/** AIDE / HELP, with or without a topic. */
export function helpText(topic: CommandName | 'types' | null, lang: Lang, code: string): string {
  const fr = lang === 'fr';
  switch (topic) {
    case null:
    case 'help':
      return [
        formOf('start', code, lang),
        formOf('position', code, lang),
        formOf('observation', code, lang),
        formOf('end', code, lang),
        fr ? 'AIDE POS, AIDE OBS, AIDE TYPES' : 'HELP POS, HELP OBS, HELP TYPES',
      ].join(' | ');
    case 'types':
      return fr ? `Types : ${typeCodes('fr')}` : `Types: ${typeCodes('en')}`;
    case 'start':
      return fr ? `${formOf('start', code, lang)} : démarre la patrouille approuvée.` : `${formOf('start', code, lang)}: starts the approved patrol.`;
    case 'position':
      return fr
        ? `POS ${code} position [HHMM]. Position : ${POINT_EXAMPLE}, 1427.3N 01212.0W ou 28PDA1234567890. Heure locale, sinon celle de réception.`
        : `POS ${code} position [HHMM]. Position: ${POINT_EXAMPLE}, 1427.3N 01212.0W or 28PDA1234567890. Local time, else the time received.`;
    case 'observation':
      return fr
        ? `OBS ${code} TYPE [P personnes] [M morts] [B blessés] [position] [HHMM] [texte]. ${formOf('observation', code, lang)}. AIDE TYPES : les types.`
        : `OBS ${code} TYPE [P people] [D dead] [I injured] [position] [HHMM] [text]. ${formOf('observation', code, lang)}. HELP TYPES: the types.`;
    case 'end':
      return fr
        ? `${formOf('end', code, lang)} : termine la patrouille ; le texte devient son compte rendu.`
        : `${formOf('end', code, lang)}: ends the patrol; the text becomes its debrief.`;
  }
}
