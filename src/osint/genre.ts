/**
 * Pieces that explain, look back or give an opinion, as their label says: « Explainer: … »,
 * « Backgrounder — … », « Opinion : … », « Entretien – … », or a body opening with the kicker
 * « EXPLAINER — Casamance ». They tell of many events and report none as news, so they are never
 * relevant, whatever their sentences say (corpus/README.md: analysis pieces are hard negatives).
 * « ANALYSIS » and « Reportage » labels are left to the other rules: under them, the press also
 * publishes accounts of a new event.
 */
import { foldText } from './fold-text.js';

const TITLE_LABEL = /^(?:explainer|backgrounder|background|opinion|tribune|entretien|interview|decryptage|chronologie|timeline)\s*[:–—-]/;
const BODY_KICKER = /^(?:explainer|backgrounder|background)\s*[:–—-]/;

/** Whether the title's label or the body's first line says the piece explains, looks back or argues. */
export function isCommentary(title: string, body: string): boolean {
  if (TITLE_LABEL.test(foldText(title.trim()))) return true;
  const firstLine = body.trimStart().split('\n', 1)[0] ?? '';
  return firstLine.length <= 80 && BODY_KICKER.test(foldText(firstLine.trim()));
}
