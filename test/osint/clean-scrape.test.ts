import { describe, expect, it } from 'vitest';
import { cleanScrape } from '../../src/osint/clean-scrape.js';

describe('cleanScrape', () => {
  it.each([
    ['drops menus', 'Accueil | Politique | Sécurité | Sport\nUne attaque a eu lieu.', 'Une attaque a eu lieu.'],
    ['drops "Lire aussi" teasers', 'Le fait.\nLire aussi : Kidira : un autre fait\nÀ lire aussi : encore', 'Le fait.'],
    ['drops share and newsletter prompts', 'Le fait.\nPartager : Facebook | X\nInscrivez-vous à notre newsletter', 'Le fait.'],
    ['drops cookie banners', 'The fact.\nWe use cookies to improve your experience. [Accept]', 'The fact.'],
    ['cuts at a French comment count', 'Le fait.\n3 commentaires\nAwa : une attaque hier à Kayes !', 'Le fait.'],
    ['cuts at an English reply form', 'The fact.\nLeave a Reply\nYour email address will not be published.', 'The fact.'],
    ['cuts at numbered reader posts', 'Le fait.\n1.Posté par Sidi le 09/03/2025\nTexte', 'Le fait.'],
    ['cuts at "Commentaires via Facebook"', 'Le fait.\nCommentaires via Facebook :\nUn avis', 'Le fait.'],
    [
      'drops the list after a teaser heading',
      'Le fait.\nAutres articles\n- Goudiry : un camion renversé\n- Kaolack : incendie\nSuite du texte.',
      'Le fait.\nSuite du texte.',
    ],
    ['drops a wire dateline', 'DAKAR, Sept 12 (Reuters) - Two people died on Monday.', 'Two people died on Monday.'],
    ['drops a wire dateline on a line of its own', 'NOUAKCHOTT, Dec 18 —\n\nTroops killed two traffickers.', 'Troops killed two traffickers.'],
    ['drops a dateline without a date', 'BAMAKO (Reuters) - Attackers raided a village.', 'Attackers raided a village.'],
    [
      'keeps a genre kicker that looks like a dateline',
      'EXPLAINER — Burkina Faso\n\nTwo villages, two nights.',
      'EXPLAINER — Burkina Faso\n\nTwo villages, two nights.',
    ],
    ['drops an agency dateline', 'Diéma, 10 février (AMAP) Une attaque a visé la brigade.', 'Une attaque a visé la brigade.'],
    ['drops a wire dateline that opens with its date', 'May 7 (Reuters) - Gunmen attacked a convoy on Sunday.', 'Gunmen attacked a convoy on Sunday.'],
    ['drops a French wire dateline that opens with its date', '12 mars (AFP) – Deux soldats ont été tués samedi.', 'Deux soldats ont été tués samedi.'],
    ['keeps a sentence that opens with a date', 'May 7 was a quiet day in Kayes.', 'May 7 was a quiet day in Kayes.'],
    ['drops a dated town dateline', 'Kayes, le 14 mars 2025 – Deux commerçants ont été enlevés.', 'Deux commerçants ont été enlevés.'],
    ['keeps a sentence that opens with places', 'Bamako, Kayes et Nioro ont été visés.', 'Bamako, Kayes et Nioro ont été visés.'],
    ['drops a page date line', 'Publié le samedi 14 février 2026 | Le Soir de Bamako\nLe fait.', 'Le fait.'],
    [
      'keeps a story that opens with « Updated »',
      "Updated toll from Monday's attack on the National Guard post at Gourma-Rharous: 11 guards killed, 1 wounded.",
      "Updated toll from Monday's attack on the National Guard post at Gourma-Rharous: 11 guards killed, 1 wounded.",
    ],
    ['keeps the article text as is', 'Premier paragraphe.\n\nSecond paragraphe.', 'Premier paragraphe.\n\nSecond paragraphe.'],
  ])('%s', (_rule, input, expected) => {
    expect(cleanScrape(input)).toBe(expected);
  });
});
