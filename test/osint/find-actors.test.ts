import { describe, expect, it } from 'vitest';
import { actorNames, findActors } from '../../src/osint/find-actors.js';

const actors = (text: string) => actorNames(findActors(text));

describe('findActors', () => {
  it.each([
    ["Des combattants du Groupe de soutien à l'islam et aux musulmans ont attaqué.", ['JNIM']],
    ['Fighters of Jama’at Nusrat al-Islam wal-Muslimin were hit.', ['JNIM']],
    ['Le GSIM a revendiqué.', ['JNIM']],
    ['L’État islamique au Sahel et les FAMa', ['ISSP', 'FAMa']],
    ['Les soldats maliens et leurs supplétifs russes du groupe Wagner', ['FAMa', 'Wagner']],
    ['The Africa Corps arrived.', ['Africa Corps']],
    ['La Zone militaire n°4 et le GARSI', ['Senegal Armed Forces', 'Senegal Gendarmerie']],
    ['Des hommes armés ont tiré sur les passagers.', ['Unidentified armed group', 'Civilians']],
    ['Des émeutiers ont incendié le poste.', ['Rioters']],
  ])('%s', (text, expected) => {
    expect(actors(text)).toEqual(expected);
  });
});
