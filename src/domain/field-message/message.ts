import type { Lang } from '../errors.js';
import type { Point } from './coordinates.js';
import type { ObservationType } from './observation-types.js';
import type { CommandName } from './words.js';

/** The longest message read: three SMS of 160 characters. Longer ones are refused unread. */
export const MAX_MESSAGE_LENGTH = 480;

/** Counts of an observation; a count left out is unknown (null), never zero. */
export interface MessageCounts {
  people: number | null;
  fatalities: number | null;
  injured: number | null;
}

export type FieldCommand =
  | { kind: 'start'; patrolCode: string }
  | { kind: 'position'; patrolCode: string; point: Point; at: string }
  | { kind: 'observation'; patrolCode: string; type: ObservationType; counts: MessageCounts; point: Point | null; at: string; text: string }
  | { kind: 'end'; patrolCode: string; text: string }
  | { kind: 'help'; topic: CommandName | 'types' | null };

/** What was wrong with a message, with what the reply quotes back. */
export type MessageProblem =
  | { problem: 'empty' }
  | { problem: 'too_long'; length: number }
  | { problem: 'unknown_command'; word: string }
  | { problem: 'missing_patrol'; command: CommandName }
  | { problem: 'bad_patrol_code'; word: string; command: CommandName }
  | { problem: 'missing_coordinates'; command: CommandName }
  | { problem: 'bad_coordinates'; text: string; command: CommandName }
  | { problem: 'bad_time'; word: string; command: CommandName }
  | { problem: 'future_time'; word: string; command: CommandName }
  | { problem: 'missing_type' }
  | { problem: 'unknown_type'; word: string }
  | { problem: 'repeated_count'; word: string }
  | { problem: 'missing_text' }
  | { problem: 'extra_words'; text: string; command: CommandName };

/** A message read: the command, or what was wrong; and the language its words were in, when they tell. */
export type ReadMessage =
  | { ok: true; command: FieldCommand; lang: Lang | null }
  /** `patrolCode`: the code read before the problem, so that the reply's form shows the sender's own. */
  | { ok: false; problem: MessageProblem; lang: Lang | null; patrolCode: string | null };
