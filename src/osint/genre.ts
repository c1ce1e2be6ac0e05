/**
 * Pieces that explain, look back or give an opinion, as their label says: « Explainer: … »,
 * « Backgrounder — … », « Opinion : … », « Entretien – … », or a body opening with the kicker
 * « EXPLAINER — Casamance ». They tell of many events and report none as news, so they are never
 * relevant, whatever their sentences say (corpus/README.md: analysis pieces are hard negatives).
 * « ANALYSIS » and « Reportage » labels are left to the other rules: under them, the press also
 * publishes accounts of a new event. The same holds of a page filed under another section than the
 * news (« L'ESSOR | Sports », « CHRONO ACTU — Senegal | Justice », « TSM BUSINESS — Mining »):
 * sport, health, courts, the economy, culture, press reviews and travel advice report no event;
 * nor do features and files (« FEATURE (AFP) », « FEATURES | SECURITY », « MALIACTU | Dossier »).
 */
import { foldText } from './fold-text.js';

const TITLE_LABEL = /^(?:explainer|backgrounder|background|opinion|tribune|entretien|interview|decryptage|chronologie|timeline)\s*[:–—-]/;
// The sections of a page's kicker line (« publisher | section | subsection ») that are not news.
const OTHER_SECTION =
  /^(?:sports?|football|ligue 1|sante|health|justice|economie|economy|mines?|mining|business|culture|revue de presse|press review|travel|conseils aux voyageurs|podcasts?|features?|dossiers?)$/;
const BODY_KICKER = /^(?:explainer|backgrounder|background)\s*[:–—-]/;
// A kicker that files the page as a feature (« FEATURE (AFP) », « FEATURES | SECURITY »).
const FEATURE_KICKER = /^features?(?: \([^)]*\))?$/;

/** Whether the title's label or the body's first line says the piece explains, looks back or argues, or is filed under another section than the news. */
export function isCommentary(title: string, body: string): boolean {
  if (TITLE_LABEL.test(foldText(title.trim()))) return true;
  const firstLine = body.trimStart().split('\n', 1)[0] ?? '';
  if (firstLine.length > 80) return false;
  const kicker = foldText(firstLine.trim());
  if (BODY_KICKER.test(kicker)) return true;
  const parts = kicker.split(/\s*[|—]\s*/).filter((part) => part.length > 0);
  if (FEATURE_KICKER.test(parts[0] ?? '')) return true;
  return parts.length >= 2 && parts.length <= 4 && parts.slice(1).some((part) => OTHER_SECTION.test(part));
}
