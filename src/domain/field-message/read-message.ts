import type { Lang } from '../errors.js';
import { FUTURE_TOLERANCE_MS, instantOnDayOf, looksLikeClockTime, readClockTime } from './clock-time.js';
import { readCoordinates, type Point } from './coordinates.js';
import { MAX_MESSAGE_LENGTH, type FieldCommand, type MessageCounts, type MessageProblem, type ReadMessage } from './message.js';
import { observationTypeOf } from './observation-types.js';
import { readPatrolCode } from './patrol-code-words.js';
import { keywordOf, type CommandName } from './words.js';

/** When and where a message was received: its hour is read on that day, in the mechanism's zone. */
export interface MessageContext {
  receivedAt: string;
  timeZone: string;
}

interface Token {
  text: string;
  start: number;
}

/** Thrown inside the reader and caught at its edge: one problem ends the reading. */
class Refusal {
  constructor(readonly problem: MessageProblem) {}
}

const COUNT = /^([PMDBIW])(\d{1,5})$/i;
const COUNT_FIELD: Record<string, keyof MessageCounts> = { P: 'people', M: 'fatalities', D: 'fatalities', B: 'injured', I: 'injured', W: 'injured' };

/**
 * Reads one field message (SMS or a radio message typed by an operator) into a command. Pure:
 * the same text, received at the same instant in the same zone, always reads the same way.
 */
export function readFieldMessage(text: string, context: MessageContext): ReadMessage {
  let lang: Lang | null = null;
  let patrolCode: string | null = null;
  if (text.length > MAX_MESSAGE_LENGTH) return { ok: false, problem: { problem: 'too_long', length: text.length }, lang, patrolCode };
  const tokens: Token[] = [...text.matchAll(/\S+/g)].map((m) => ({ text: m[0], start: m.index }));
  const words = tokens.map((t) => t.text);
  const first = words[0];
  if (first === undefined) return { ok: false, problem: { problem: 'empty' }, lang, patrolCode };
  const keyword = keywordOf(first);
  if (!keyword) return { ok: false, problem: { problem: 'unknown_command', word: first.slice(0, 20) }, lang, patrolCode };
  lang = keyword.lang;
  const command = keyword.command;
  const received = Date.parse(context.receivedAt);
  const rest = (index: number) => (index < tokens.length ? text.slice(tokens[index]!.start).trim() : '');

  try {
    if (command === 'help') return { ok: true, command: { kind: 'help', topic: helpTopic(words[1]) }, lang };
    let next = 1;
    const code = readPatrolCode(words, next);
    if (!code) {
      throw new Refusal(
        words[next] === undefined ? { problem: 'missing_patrol', command } : { problem: 'bad_patrol_code', word: words[next]!.slice(0, 20), command },
      );
    }
    patrolCode = code.code;
    next = code.next;

    const hourAt = (index: number): { at: number; next: number } => {
      const word = words[index];
      if (!looksLikeClockTime(word)) return { at: received, next: index };
      const time = readClockTime(word);
      if (!time) throw new Refusal({ problem: 'bad_time', word: word!, command });
      const at = instantOnDayOf(time, received, context.timeZone);
      if (at > received + FUTURE_TOLERANCE_MS) throw new Refusal({ problem: 'future_time', word: word!, command });
      return { at, next: index + 1 };
    };
    const nothingAfter = (index: number) => {
      if (index < tokens.length) throw new Refusal({ problem: 'extra_words', text: rest(index).slice(0, 40), command });
    };

    let result: FieldCommand;
    switch (command) {
      case 'start':
        nothingAfter(next);
        result = { kind: 'start', patrolCode };
        break;
      case 'end':
        result = { kind: 'end', patrolCode, text: rest(next) };
        break;
      case 'position': {
        const read = readCoordinates(words, next);
        if (read === undefined)
          throw new Refusal(
            words[next] === undefined ? { problem: 'missing_coordinates', command } : { problem: 'bad_coordinates', text: words[next]!.slice(0, 40), command },
          );
        if ('unreadable' in read) throw new Refusal({ problem: 'bad_coordinates', text: read.unreadable.slice(0, 40), command });
        const hour = hourAt(read.next);
        nothingAfter(hour.next);
        result = { kind: 'position', patrolCode, point: read.point, at: new Date(hour.at).toISOString() };
        break;
      }
      case 'observation': {
        const typeWord = words[next];
        if (typeWord === undefined) throw new Refusal({ problem: 'missing_type' });
        const typed = observationTypeOf(typeWord);
        if (!typed) throw new Refusal({ problem: 'unknown_type', word: typeWord.slice(0, 20) });
        lang ??= typed.lang;
        next++;
        const counts: MessageCounts = { people: null, fatalities: null, injured: null };
        for (let count = COUNT.exec(words[next] ?? ''); count; count = COUNT.exec(words[next] ?? '')) {
          const field = COUNT_FIELD[count[1]!.toUpperCase()]!;
          if (counts[field] !== null) throw new Refusal({ problem: 'repeated_count', word: words[next]! });
          counts[field] = Number(count[2]);
          next++;
        }
        let point: Point | null = null;
        const read = readCoordinates(words, next);
        if (read && 'unreadable' in read) throw new Refusal({ problem: 'bad_coordinates', text: read.unreadable.slice(0, 40), command });
        if (read) {
          point = read.point;
          next = read.next;
        }
        const hour = hourAt(next);
        const note = rest(hour.next);
        if (typed.type.eventType === null && note === '') throw new Refusal({ problem: 'missing_text' });
        result = { kind: 'observation', patrolCode, type: typed.type, counts, point, at: new Date(hour.at).toISOString(), text: note };
        break;
      }
    }
    return { ok: true, command: result, lang };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, problem: error.problem, lang, patrolCode };
    throw error;
  }
}

function helpTopic(word: string | undefined): CommandName | 'types' | null {
  if (word === undefined) return null;
  if (/^types?$/i.test(word)) return 'types';
  const keyword = keywordOf(word);
  return keyword && keyword.command !== 'help' ? keyword.command : null;
}
