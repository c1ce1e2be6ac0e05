/**
 * Main text of a plain-text scrape: what a page says besides its article (menus, teasers,
 * "Lire aussi", share and newsletter prompts, cookie banners) is dropped, and everything from the
 * reader comments on is cut, because comments never yield events.
 */

// A line that opens the comment section (or a reply form) ends the article.
const COMMENTS_START = [
  /^\d+\s+(commentaires?|réponses?|comments?|replies|réactions?)\b/i,
  /^(commentaires?|comments?|réactions?|vos réactions|reader comments)(\s+(via|sur|avec) \S+)?\s*(\(\d+\)|:)?\s*$/i,
  /^(laisser|ajouter|poster|écrire) un commentaire/i,
  /^(leave a (reply|comment)|add a comment|post a comment|nouveau commentaire)/i,
  /^\d+\.\s*posté par /i,
];

// Lines that belong to the page around the article, not to it.
const BOILERPLATE = [
  /^(lire|à lire|a lire|voir) (aussi|également|egalement|encore)\b/i,
  /^(lire la suite|sur le même thème)\b/i,
  /^(read|see) (also|more)\b/i,
  /^(more from|related articles?|dans la même rubrique|autres articles|sur le même sujet|also read)\b/i,
  /^(partager|partagez|share)( (sur|cet article|this article|this))?\s*[:|]?/i,
  /^(tweeter|envoyer|imprimer|copier le lien)\b/i,
  /\b(newsletter|lettre d'information|inscrivez-vous|abonnez-vous|subscribe|sign up for)\b/i,
  /\bcookies?\b/i,
  /^(accueil|home|menu)\b/i,
  // A page's date line is short: « Updated toll from Monday's attack … » is the story.
  /^(publié|mis à jour|published|updated)(?!\p{L})(?=.{0,80}$).*\d/iu,
  /^(répondre|reply|repondre)$/i,
  /^[<>]\s*[<>]?$/,
];

/** Lines of navigation: short items separated by pipes, bullets or wide gaps. */
function isMenu(line: string): boolean {
  const parts = line.split(/\s*[|›>·•]\s*|\s{3,}/).filter((part) => part.trim().length > 0);
  if (parts.length < 3) return false;
  const words = line.split(/\s+/).length;
  return words / parts.length <= 3;
}

// "DAKAR, Sept 12 (Reuters) - …", "BAMAKO (Reuters) - …", "Diéma, 10 février (AMAP) …",
// "NOUAKCHOTT, Dec 18 —" on a line of its own,
// "Kayes, le 14 mars 2025 – …": where the story was filed, not where it happened.
// A genre's kicker (« EXPLAINER — Casamance ») looks like one and is kept: it says what the piece is.
const DATELINE =
  /^(?!(?:EXPLAINER|BACKGROUNDER|BACKGROUND|ANALYSIS|ANALYSE|OPINION|TRIBUNE|ÉDITORIAL|EDITORIAL|REPORTAGE)\b)\p{Lu}[\p{Lu} .'’/-]{2,}(?:,\s[^-–—\n]{0,60}?)?\s*(?:\([^)\n]{1,30}\))?\s[-–—](?:\s+|$)/u;
const DATELINE_MIXED = /^\p{Lu}[\p{L}'’ -]{2,30},\s(?:le\s)?(?:\p{L}+\s)?\d{1,2}(?:er)?\s\p{L}+\.?(?:\s\d{4})?\s*(?:\((?:[^)\n]{1,30})\)\s*[-–—:]?|[-–—:])\s*/u;
// A wire's date first, then its name: "May 7 (Reuters) - ", « 12 mars (AFP) – ».
const DATELINE_DATE_FIRST = /^(?:\p{Lu}\p{Ll}+\.? \d{1,2}|\d{1,2}(?:er)? \p{L}+)(?:,? \d{4})? \([^)\n]{1,30}\) ?[-–—:]\s*/u;

/** The dateline opening one of the first lines of a scrape ("Kayes, le 14 mars 2025 – "), if any. */
export function datelineOf(text: string): string | null {
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n').slice(0, 12)) {
    const line = raw.trim();
    const match = DATELINE_MIXED.exec(line) ?? DATELINE_DATE_FIRST.exec(line) ?? DATELINE.exec(line);
    if (match) return match[0];
  }
  return null;
}

export function cleanScrape(text: string): string {
  const kept: string[] = [];
  let inList = false;
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim().replace(DATELINE, '').replace(DATELINE_MIXED, '').replace(DATELINE_DATE_FIRST, '');
    if (COMMENTS_START.some((pattern) => pattern.test(line))) break;
    if (line.length === 0) {
      inList = false;
      kept.push('');
      continue;
    }
    if (BOILERPLATE.some((pattern) => pattern.test(line))) {
      // A teaser heading ("Autres articles", "MORE FROM AFRICA") is followed by its list.
      inList = /^(more from|related|dans la même rubrique|autres articles|sur le même sujet)/i.test(line);
      continue;
    }
    if (inList && /^[-–•*]/.test(line)) continue;
    inList = false;
    if (isMenu(line)) continue;
    kept.push(line);
  }
  return kept
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
