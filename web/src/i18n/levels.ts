import { THREAT_LEVEL_NAME, THREAT_LEVELS, type ThreatLevel } from '../../../src/domain/threat-level.js';

/** The node's names of the threat levels, capitalised as labels are. */
export function levelNames(language: 'fr' | 'en'): Record<ThreatLevel, string> {
  return Object.fromEntries(THREAT_LEVELS.map((level) => [level, capitalised(THREAT_LEVEL_NAME[level][language])])) as Record<ThreatLevel, string>;
}

const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);
