import { describe, expect, it } from 'vitest';
import { loadGazetteer, loadGazetteerWithNeighbours } from '../../src/geo/gazetteer.js';
import { countryContext, findPlaces } from '../../src/osint/find-places.js';

describe('findPlaces', async () => {
  const gazetteer = await loadGazetteer();
  const names = (text: string) => findPlaces(text, gazetteer).map((m) => `${m.name}/${m.place?.country ?? '?'}`);

  it.each([
    // Country context picks between homonyms: Kidira exists in Senegal and in Mali.
    ['Les gendarmes sénégalais ont arrêté quatre hommes à Kidira, ville du Sénégal.', ['Kidira/SN']],
    ['Des soldats maliens ont patrouillé à Kidira, dans le cercle de Kayes au Mali.', ['Kidira/ML', 'Kayes/ML']],
    // Press spelling through our alias table.
    ['Une réunion s’est tenue à Sélibaby.', ['Sélibaby/MR']],
    // A person's name is not a place, even when a hamlet bears one of its words.
    ['Ousmane Sonko a parlé à Ziguinchor.', ['Ziguinchor/SN']],
    // A name after an age or « le nommé » is a person's, here and where the text names him again.
    ["C'est un berger de 55 ans, Demba Bâ, qui dirigeait le réseau. Berger lui-même, Demba Bâ connaissait la zone.", []],
    ['Le nommé Demba Bâ a été interpellé à Kolda.', ['Kolda/SN']],
    // A place the gazetteer lacks is kept by name when a preposition of place introduces it.
    ['The unit was attacked just outside Tassia, a village in Niger.', ['Tassia/?']],
    // Adjectives of nationality are not places.
    ['The blast happened near the Gambian border.', []],
    // A village named as such keeps its whole name, even when the gazetteer knows a part of it.
    ["L'embuscade a eu lieu près du village de Tongo Tongo, au Niger.", ['Tongo Tongo/?']],
    // « Dar-es-Salam »: the Arabic particle « es » joins a name as « el » does.
    ['Trois bergers ont été blessés à Dar-es-Salam, en Mauritanie.', ['Dar-es-Salam/MR']],
    // A gold-panning site is named as a village is.
    ['Des hommes armés ont dévalisé des orpailleurs sur le site aurifère de Fénékourou.', ['Fénékourou/?']],
    ["Les gendarmes ont démantelé le site d'orpaillage de Sandikoto.", ['Sandikoto/?']],
    // The post or the brigade of a village names the village, spelt otherwise by the gazetteer (Markakoungo).
    ["L'attaque du poste de secours de Markacoungo a fait deux morts.", ['Markacoungo/ML']],
    ['Des hommes armés ont attaqué le village d’Ogossagou.', ['Ogossagou/?']],
    // …and a village the gazetteer spells otherwise keeps its point (Toubakoro, near Banamba).
    ['A convoy was ambushed in the village of Toubacoro, in the Banamba district.', ['Toubacoro/ML', 'Banamba/ML']],
    // A headline's label and a sentence opening with « À » name a place; a nickname does not.
    ['Ogossagou : feu et sang après le départ de l’armée', ['Ogossagou/?']],
    // …but a page's link to another story is no place.
    ['Related: Niger, Nigeria agree to revive joint border patrols', []],
    // « GAT » is the army's name for the armed groups, not a place.
    ['Les FAMa ont frappé des positions des GAT dans la région.', []],
    // Nor are the armed movements' initials, though a hamlet bears one.
    ['A drone operated by the FLA struck the camp, the CSP and the MNLA said.', []],
    ['À Konna, le maire a été enlevé.', ['Konna/ML']],
    ['Le maire, que tout le monde appelle « Naba », a été enlevé.', []],
    // A name, a particle and a place ("les FAMa de Yélimané") name something at that place.
    ['Les hommes armés ont pris d’assaut le camp des FAMa de Yélimané.', ['Yélimané/ML']],
    // A name introduced as a place that goes on past the known name it starts with is kept whole;
    // one that ends with a known name keeps it, and a direction word does not make a new place.
    ['Des malfaiteurs ont fait irruption dans une maison à Guiro Yéro Bocar, dans la région de Kolda.', ['Guiro Yéro Bocar/?', 'Kolda/SN']],
    ['The blast happened during a mission in North Bignona, close to the border.', ['Bignona/SN']],
    // Labels of a report's sections are no places.
    ['Context: Since March, the region has been hit by repeated attacks.', []],
    // A name may open with N', M' or F'.
    ['Des hommes armés ont attaqué N’Golokouna mardi.', ['N’Golokouna/ML']],
    ["The son of the mayor of F'Derick was seized by three men.", ["F'Derick/MR"]],
    // Words that open a sentence are no places, even where a hamlet bears them.
    ['All five crew members were detained. US agents took part in the raid.', []],
    // A town named with its country is that town (Rosso, on the Senegalese bank).
    ['La ville frontalière de Rosso Sénégal s’est réveillée dans la fièvre.', ['Rosso/SN']],
    // A publisher named after its town names no person: the town stays a place elsewhere.
    ['Nioro du Sahel Infos · 27 août\n\nQue Dieu protège Nioro, la cité du Chérif.', ['Nioro/ML']],
    // An account or a newspaper named after its town names no person either.
    ['Menaka Voices @MenakaVoices · 27 juin\n\nDes tirs ont visé le poste de contrôle de Ménaka.', ['Ménaka/ML']],
    // A hospital's name is no place.
    ['One soldier is being treated at the Hôpital Principal.', []],
  ])('%s', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it('chooses the reading close to the other places of the text', () => {
    const [didieni] = findPlaces('Un convoi a été attaqué entre Diédiéni et Kolokani, près de Bamako.', gazetteer);
    expect(didieni?.place?.admin1).toBe('Koulikoro');
  });

  // « Missirah » is spelt so for two villages far away; « Missira », for dozens, one of them in the
  // Tambacounda department the text names: the other spellings are readings too.
  it('reads a name under its other spellings too, close to the other places of the text', () => {
    const [missirah] = findPlaces(
      'La commune de Missirah, dans le département de Tambacounda, a été visée ; les gendarmes de Dialacoto sont venus.',
      gazetteer,
    );
    expect(missirah?.place?.admin1).toBe('Tambacounda');
  });

  it('prefers a town to the district named after it', () => {
    const [bignona] = findPlaces('Une marche a eu lieu à Bignona.', gazetteer);
    expect(bignona?.place?.featureClass).toBe('P');
  });
});

describe('findPlaces across the border', async () => {
  const gazetteer = await loadGazetteerWithNeighbours();
  const names = (text: string) => findPlaces(text, gazetteer).map((m) => `${m.name}/${m.place?.country ?? '?'}`);

  it.each([
    // The neighbours' towns get their country and point.
    ['Des hommes armés ont attaqué le camp militaire de Djibo, au Burkina Faso.', ['Djibo/BF']],
    ['Des tirs ont été entendus à Bissau, près du palais du gouvernement.', ['Bissau/GW']],
    // A hyphenated name of which the gazetteer knows one part is a place it lacks, not that part
    // (Boffa is a Guinean town, Boffa-Bayotte a forest of Casamance).
    ['Tuerie de Boffa-Bayotte : le bilan passe à 14 morts', ['Boffa-Bayotte/?']],
    ['Les bûcherons ont été tués à Boffa-Bayotte, près de Ziguinchor.', ['Boffa-Bayotte/?', 'Ziguinchor/SN']],
    // Not introduced as a place, it is not read as Boffa either.
    ['Les corps ont été retrouvés dans la forêt classée de Boffa-Bayotte, près de Ziguinchor.', ['Ziguinchor/SN']],
    // An axis keeps its ends, and a name whose parts are all known stays as it was.
    ['Un camion a sauté sur une mine sur l’axe Boffa-Ziguinchor.', ['Boffa/GN', 'Ziguinchor/SN']],
    ['Le convoi a été attaqué entre Sévaré et Bandiagara, sur l’axe Sévaré-Bandiagara.', ['Sévaré/ML', 'Bandiagara/ML', 'Sévaré/ML', 'Bandiagara/ML']],
    // A compass word joined to a known place names a part of it: the place.
    ['Nord-Sindian : huit bases rebelles détruites ou occupées', ['Sindian/SN']],
    ['Des passeurs arrêtés dans la moughataa de Sebkha, à Nouakchott-Ouest.', ['Sebkha/MR', 'Nouakchott/MR']],
    // A name the word "village" follows is a village, looked up under its other spellings too.
    ['Gambia: Kerr Gumalo village raided by gunmen overnight.', ['Kerr Gumalo/GM']],
    // A nation's name is no place of an event, in either language.
    ['Ivory Coast: a gendarme wounded near the north-eastern town of Tehini.', ['Tehini/CI']],
    ["Côte d'Ivoire : un gendarme blessé près de Téhini.", ['Téhini/CI']],
    // A photo's caption label is no place either.
    ['Caption: A UN helicopter patrols areas near Ménaka.', ['Ménaka/ML']],
    // Nor is a section's kicker.
    ['Défense : 18 orpailleurs interceptés près de Tessalit', ['Tessalit/ML']],
  ])('%s', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it.each([
    // A neighbour's village is read in a text about its country…
    ['Burkina : un convoi attaqué près de Gorgadji, dans le Sahel burkinabè.', 'Gorgadji/BF'],
    ['Burkina Faso : des hommes armés ont attaqué le village de Zoungou.', 'Zoungou/BF'],
    ['Niger: 20 soldiers killed in an attack just outside Tassia, in the Tillaberi region of Niger, near Burkina Faso.', 'Tassia/NE'],
    // …but a village of the same name in a text about another country is not that neighbour's.
    ['Mali : 21 paysans tués près de Dimbo, dans le cercle de Bankass, au centre du Mali.', 'Dimbo/?'],
    ['Mali : des bergers attaqués près de Tassia, dans le cercle de Ménaka.', 'Tassia/?'],
    // A neighbour's town is read in any text.
    ['Mali : des réfugiés maliens sont arrivés à Djibo.', 'Djibo/BF'],
  ])('reads a neighbour’s village only in a text about its country: %s', (text, expected) => {
    expect(names(text)).toContain(expected);
  });
});

describe('countryContext', () => {
  it('counts the names and adjectives of each nation', () => {
    const counts = countryContext('Les forces maliennes et sénégalaises, à Bamako et Dakar, au Mali.');
    expect(counts.get('ML')).toBe(3);
    expect(counts.get('SN')).toBe(2);
    expect(counts.has('MR')).toBe(false);
  });

  it.each([
    'Le carburant venait du Mali selon la gendarmerie.',
    'Des camions provenant du Mali ont été fouillés.',
    'Du riz importé du Mali a été saisi.',
    'Les marchandises viennent du Mali.',
  ])('does not count the country goods or people came from: %s', (sentence) => {
    expect(countryContext(sentence).has('ML')).toBe(false);
  });
});
