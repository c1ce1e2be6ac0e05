import type { Role } from '../contracts/vocabularies.js';

/**
 * Time-based one-time codes (RFC 6238) as every authenticator app reads them from an otpauth://
 * address: HMAC-SHA1, 6 digits, 30-second steps.
 */
export const TOTP = { algorithm: 'SHA1', digits: 6, period: 30 } as const;
/** A code of the step before or after the current one is accepted too (phones drift, people type). */
export const TOTP_WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;

/** Those who plan and approve operations, and those who manage accounts and keys. */
export function needsSecondFactor(role: Role): boolean {
  return role === 'coordinator' || role === 'admin';
}

export type SecondFactorState = 'none' | 'pending' | 'confirmed';

/** A user with a confirmed second factor always gives a code; one whose role needs it must enrol first. */
export function secondFactorDemand(role: Role, state: SecondFactorState): 'code' | 'enrolment' | 'none' {
  if (state === 'confirmed') return 'code';
  return needsSecondFactor(role) ? 'enrolment' : 'none';
}

/**
 * A code is used once: a step at or before the last one accepted for the user is refused, so a
 * code seen over a shoulder or in a log cannot open a second session (RFC 6238 §5.2).
 */
export function isFreshStep(step: number, lastAcceptedStep: number): boolean {
  return step > lastAcceptedStep;
}

export function isTotpCode(code: string): boolean {
  return /^\d{6}$/.test(code.replace(/\s/g, ''));
}

/** Recovery codes are 16 base32 letters, written in groups of four; dashes, spaces and case do not matter. */
export function normalisedRecoveryCode(code: string): string | undefined {
  const letters = code.toUpperCase().replace(/[\s-]/g, '');
  return /^[A-Z2-7]{16}$/.test(letters) ? letters : undefined;
}

export function groupedRecoveryCode(letters: string): string {
  return letters.match(/.{4}/g)!.join('-');
}
