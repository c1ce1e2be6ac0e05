/* How place names are compared (folded) and which of two homonyms the press more likely means (ranked). */

/** Accents, case, apostrophes and hyphens do not tell place names apart in the press. */
export function foldName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’'‘`ʼ]/g, '')
    .replace(/[-_.,/]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * How much a feature is worth when names collide: the press names capitals, regional and
 * district seats far more often than homonymous hamlets, and villages more than wells or hills.
 */
export function featureRank(featureClass: string, featureCode: string): number {
  switch (featureCode) {
    case 'PPLC':
      return 0;
    // A town ranks just above the division named after it: its point is the more precise one.
    case 'PPLA':
      return 1;
    case 'ADM1':
      return 1.5;
    case 'PPLA2':
      return 2;
    case 'ADM2':
      return 2.5;
    case 'PPLA3':
    case 'PPLA4':
      return 3;
    case 'ADM3':
      return 3.5;
    case 'PPL':
    case 'PPLL':
    case 'PPLS':
    case 'PPLF':
      return 4;
  }
  if (featureClass === 'P' || featureClass === 'A') return 5;
  if (featureCode === 'STM' || featureCode === 'FRST' || featureCode === 'RESF' || featureCode === 'PRK') return 5;
  if (featureClass === 'H' || featureClass === 'T' || featureClass === 'V' || featureClass === 'L') return 6;
  return 7;
}
