import { describe, expect, it } from 'vitest';
import { readFieldMessage } from '../../src/domain/field-message/read-message.js';
import { confirmationReply, helpText, problemReply, replyLanguage } from '../../src/domain/field-message/replies.js';
import type { FieldCommand } from '../../src/domain/field-message/message.js';

const AT = { receivedAt: '2026-03-10T10:00:00.000Z', timeZone: 'Africa/Bamako' };

function command(text: string, context = AT): FieldCommand {
  const read = readFieldMessage(text, context);
  if (!read.ok) throw new Error(`${text}: ${JSON.stringify(read.problem)}`);
  return read.command;
}

function pointOf(text: string): { lat: number; lon: number } {
  const read = command(text);
  if (read.kind !== 'position') throw new Error(read.kind);
  return read.point;
}

describe('positions in every form the leader may type', () => {
  it.each([
    ['POS ML-12 14.4551 -12.1995', 14.4551, -12.1995],
    ['pos ml12 14.4551 -12.1995', 14.4551, -12.1995],
    ['POS ML 12 14.4551 -12.1995', 14.4551, -12.1995],
    ['POS ML-12 14,4551 -12,1995', 14.4551, -12.1995],
    ['POS ML-12 14.4551,-12.1995', 14.4551, -12.1995],
    ['POS ML-12 14.4551N 12.1995W', 14.4551, -12.1995],
    ['POS ML-12 14.4551N 12.1995O', 14.4551, -12.1995],
    ['POS ML-12 12.1995W 14.4551N', 14.4551, -12.1995],
    ['POS ML-12 1427.3N 01212.0W', 14.455, -12.2],
    ['POS ML-12 1427.3N 1212.0O', 14.455, -12.2],
    ['POS ML-12 1427.30S 01212.00E', -14.455, 12.2],
  ])('%s', (text, lat, lon) => {
    const point = pointOf(text);
    expect(point.lat).toBeCloseTo(lat, 6);
    expect(point.lon).toBeCloseTo(lon, 6);
  });

  it.each([['POS ML-12 28PHA0192999902'], ['POS ML-12 28P HA 01929 99902'], ['POS ML-12 28PHA 01929 99902'], ['POS ML-12 28p ha0192999902']])(
    'MGRS: %s',
    (text) => {
      const point = pointOf(text);
      expect(point.lat).toBeCloseTo(14.4551, 4);
      expect(point.lon).toBeCloseTo(-12.1995, 4);
    },
  );

  it('takes the hour on the day received, in the mechanism’s zone, else the time received', () => {
    expect(command('POS ML-12 14.4551 -12.1995 0930')).toMatchObject({ at: '2026-03-10T09:30:00.000Z' });
    expect(command('POS ML-12 14.4551 -12.1995 09:30')).toMatchObject({ at: '2026-03-10T09:30:00.000Z' });
    expect(command('POS ML-12 14.4551 -12.1995 9h30')).toMatchObject({ at: '2026-03-10T09:30:00.000Z' });
    expect(command('POS ML-12 14.4551 -12.1995')).toMatchObject({ at: '2026-03-10T10:00:00.000Z' });
    const lagos = { receivedAt: '2026-03-10T10:00:00.000Z', timeZone: 'Africa/Lagos' };
    expect(command('POS ML-12 14.4551 -12.1995 0930', lagos)).toMatchObject({ at: '2026-03-10T08:30:00.000Z' });
    expect(command('POS ML-12 14.4551 -12.1995 0930Z', lagos)).toMatchObject({ at: '2026-03-10T09:30:00.000Z' });
    // 23:30 local in Lagos is still the 9th of March there.
    const lateInLagos = { receivedAt: '2026-03-09T23:30:00.000Z', timeZone: 'Africa/Lagos' };
    expect(command('POS ML-12 14.4551 -12.1995 0015', lateInLagos)).toMatchObject({ at: '2026-03-09T23:15:00.000Z' });
    // Five minutes ahead is a phone's clock; more is the future.
    expect(command('POS ML-12 14.4551 -12.1995 1005')).toMatchObject({ at: '2026-03-10T10:05:00.000Z' });
  });
});

describe('observations, start, end and help', () => {
  it('reads type, counts, position, hour and text in that order', () => {
    expect(command('OBS ML-12 CONT P5 M0 B1 14.4551 -12.1995 0930 3 motos vers Kidira')).toEqual({
      kind: 'observation',
      patrolCode: 'ML-12',
      type: { fr: 'CONT', en: 'SMUG', eventType: 'Border activity', subEventType: 'Smuggling' },
      counts: { people: 5, fatalities: 0, injured: 1 },
      point: { lat: 14.4551, lon: -12.1995 },
      at: '2026-03-10T09:30:00.000Z',
      text: '3 motos vers Kidira',
    });
    expect(command('obs ml-12 smug d2 i3 crossing at dawn')).toMatchObject({
      counts: { people: null, fatalities: 2, injured: 3 },
      point: null,
      at: '2026-03-10T10:00:00.000Z',
      text: 'crossing at dawn',
    });
    expect(command('OBS ML-12 NOTE puits à sec')).toMatchObject({ type: { eventType: null }, text: 'puits à sec' });
    expect(command('OBS ML-12 ORP 150 orpailleurs')).toMatchObject({ point: null, text: '150 orpailleurs', at: AT.receivedAt });
  });

  it('reads start, end and help', () => {
    expect(command('début ml-12')).toEqual({ kind: 'start', patrolCode: 'ML-12' });
    expect(command('FIN ML-12 RAS, retour à Diboli')).toEqual({ kind: 'end', patrolCode: 'ML-12', text: 'RAS, retour à Diboli' });
    expect(command('END ML-12')).toEqual({ kind: 'end', patrolCode: 'ML-12', text: '' });
    expect(command('AIDE')).toEqual({ kind: 'help', topic: null });
    expect(command('help obs')).toEqual({ kind: 'help', topic: 'observation' });
    expect(command('AIDE TYPES')).toEqual({ kind: 'help', topic: 'types' });
  });

  it('tells the language when the words do', () => {
    expect(readFieldMessage('FIN ML-12', AT).lang).toBe('fr');
    expect(readFieldMessage('END ML-12', AT).lang).toBe('en');
    expect(readFieldMessage('POS ML-12 14.4551 -12.1995', AT).lang).toBeNull();
    expect(readFieldMessage('OBS ML-12 SMUG x', AT).lang).toBe('en');
    expect(readFieldMessage('OBS ML-12 CONT x', AT).lang).toBe('fr');
    expect(readFieldMessage('HELP', AT).lang).toBe('en');
    expect(replyLanguage(null, null)).toBe('fr');
    expect(replyLanguage('en', 'fr')).toBe('en');
    expect(replyLanguage(undefined, 'en')).toBe('en');
  });
});

describe('what is wrong, and the reply that says so', () => {
  const refusal = (text: string, lang: 'fr' | 'en' = 'fr') => {
    const read = readFieldMessage(text, AT);
    if (read.ok) throw new Error(`${text} was read`);
    return problemReply(read.problem, lang, 'ML-12');
  };

  it.each([
    [
      'POS ML-12 14.4551',
      'Refusé : position illisible : 14.4551 (écrire 14.4551 -12.1995, 1427.3N 01212.0W ou 28PDA1234567890). Forme : POS ML-12 14.4551 -12.1995 0930',
    ],
    [
      'POS ML-12 95.1 -12.1995',
      'Refusé : position illisible : 95.1 -12.1995 (écrire 14.4551 -12.1995, 1427.3N 01212.0W ou 28PDA1234567890). Forme : POS ML-12 14.4551 -12.1995 0930',
    ],
    [
      'POS ML-12 1467.3N 01212.0W',
      'Refusé : position illisible : 1467.3N 01212.0W (écrire 14.4551 -12.1995, 1427.3N 01212.0W ou 28PDA1234567890). Forme : POS ML-12 14.4551 -12.1995 0930',
    ],
    [
      'POS ML-12 28PHA019299990',
      'Refusé : position illisible : 28PHA019299990 (écrire 14.4551 -12.1995, 1427.3N 01212.0W ou 28PDA1234567890). Forme : POS ML-12 14.4551 -12.1995 0930',
    ],
    [
      'POS ML-12 14.4551N 12.1995N',
      'Refusé : position illisible : 14.4551N 12.1995N (écrire 14.4551 -12.1995, 1427.3N 01212.0W ou 28PDA1234567890). Forme : POS ML-12 14.4551 -12.1995 0930',
    ],
    ['POS ML-12', 'Refusé : position manquante. Forme : POS ML-12 14.4551 -12.1995 0930'],
    [
      'POS ML-12 ici',
      'Refusé : position illisible : ici (écrire 14.4551 -12.1995, 1427.3N 01212.0W ou 28PDA1234567890). Forme : POS ML-12 14.4551 -12.1995 0930',
    ],
    ['POS', 'Refusé : code de patrouille manquant. Forme : POS ML-12 14.4551 -12.1995 0930'],
    ['POS 14.4551 -12.1995', 'Refusé : code de patrouille illisible : 14.4551. Forme : POS ML-12 14.4551 -12.1995 0930'],
    ['POS ML-12 14.4551 -12.1995 2560', 'Refusé : heure illisible : 2560 (HHMM, par exemple 0930). Forme : POS ML-12 14.4551 -12.1995 0930'],
    ['POS ML-12 14.4551 -12.1995 1006', 'Refusé : heure dans le futur : 1006. Forme : POS ML-12 14.4551 -12.1995 0930'],
    ['POS ML-12 14.4551 -12.1995 0930 vu', 'Refusé : mots en trop : vu. Forme : POS ML-12 14.4551 -12.1995 0930'],
    [
      'OBS ML-12',
      'Refusé : type d’observation manquant (AFF EXPL IED CIV ENLEV MANIF EMEUTE ARREST PILL CONT PASS ORP BETAIL DEPL NOTE). Forme : OBS ML-12 CONT P5 14.4551 -12.1995 0930 texte',
    ],
    [
      'OBS ML-12 VOL',
      'Refusé : type inconnu : VOL (AFF EXPL IED CIV ENLEV MANIF EMEUTE ARREST PILL CONT PASS ORP BETAIL DEPL NOTE). Forme : OBS ML-12 CONT P5 14.4551 -12.1995 0930 texte',
    ],
    ['OBS ML-12 CONT P5 P6', 'Refusé : compte donné deux fois : P6. Forme : OBS ML-12 CONT P5 14.4551 -12.1995 0930 texte'],
    ['OBS ML-12 NOTE', 'Refusé : texte manquant après NOTE. Forme : OBS ML-12 CONT P5 14.4551 -12.1995 0930 texte'],
    [
      'OBS ML-12 CONT 14.45x -12.1995',
      'Refusé : position illisible : 14.45x -12.1995 (écrire 14.4551 -12.1995, 1427.3N 01212.0W ou 28PDA1234567890). Forme : OBS ML-12 CONT P5 14.4551 -12.1995 0930 texte',
    ],
    ['DEBUT ML-12 maintenant', 'Refusé : mots en trop : maintenant. Forme : DEBUT ML-12'],
    [
      '',
      'Refusé : message vide. Forme : DEBUT ML-12 | POS ML-12 14.4551 -12.1995 0930 | OBS ML-12 CONT P5 14.4551 -12.1995 0930 texte | FIN ML-12 compte rendu | AIDE POS, AIDE OBS, AIDE TYPES',
    ],
    [
      'bonjour chef',
      'Refusé : commande inconnue : bonjour. Forme : DEBUT ML-12 | POS ML-12 14.4551 -12.1995 0930 | OBS ML-12 CONT P5 14.4551 -12.1995 0930 texte | FIN ML-12 compte rendu | AIDE POS, AIDE OBS, AIDE TYPES',
    ],
  ])('%s', (text, reply) => {
    expect(refusal(text)).toBe(reply);
  });

  it('refuses 2 KB of text unread', () => {
    expect(refusal(`POS ML-12 ${'x'.repeat(2038)}`)).toBe(
      'Refusé : message trop long (2048 caractères, 480 au plus). Forme : DEBUT ML-12 | POS ML-12 14.4551 -12.1995 0930 | OBS ML-12 CONT P5 14.4551 -12.1995 0930 texte | FIN ML-12 compte rendu | AIDE POS, AIDE OBS, AIDE TYPES',
    );
  });

  it('says the same in English', () => {
    expect(refusal('POS ML-12 14.4551', 'en')).toBe(
      'Refused: unreadable position: 14.4551 (write 14.4551 -12.1995, 1427.3N 01212.0W or 28PDA1234567890). Form: POS ML-12 14.4551 -12.1995 0930',
    );
    expect(refusal('OBS ML-12 THEFT', 'en')).toBe(
      'Refused: unknown type: THEFT (CLASH BLAST IED CIV ABDUCT PROTEST RIOT ARREST LOOT SMUG CROSS GOLD CATTLE DISPL NOTE). Form: OBS ML-12 SMUG P5 14.4551 -12.1995 0930 text',
    );
    expect(refusal('POS ML-12 14.4551 -12.1995 1100', 'en')).toBe('Refused: time in the future: 1100. Form: POS ML-12 14.4551 -12.1995 0930');
    expect(refusal('hello', 'en')).toBe(
      'Refused: unknown command: hello. Form: START ML-12 | POS ML-12 14.4551 -12.1995 0930 | OBS ML-12 SMUG P5 14.4551 -12.1995 0930 text | END ML-12 debrief | HELP POS, HELP OBS, HELP TYPES',
    );
  });

  it('confirms with the record’s reference', () => {
    const position = command('POS ML-12 1427.3N 01212.0W 0930');
    if (position.kind === 'help') throw new Error('help');
    expect(confirmationReply(position, 'fr', 'K3F9A2', '09:30')).toBe('Position ML-12 enregistrée : 14.45500 -12.20000 à 09:30. Réf. K3F9A2');
    expect(confirmationReply(position, 'en', 'K3F9A2', '09:30')).toBe('Position ML-12 recorded: 14.45500 -12.20000 at 09:30. Ref. K3F9A2');
    const observation = command('OBS ML-12 CONT P5 x');
    if (observation.kind === 'help') throw new Error('help');
    expect(confirmationReply(observation, 'en', 'Q1', '10:00')).toBe('Observation ML-12 recorded: SMUG at 10:00. Ref. Q1');
    expect(helpText('types', 'en', 'ML-12')).toBe('Types: CLASH BLAST IED CIV ABDUCT PROTEST RIOT ARREST LOOT SMUG CROSS GOLD CATTLE DISPL NOTE');
  });
});
