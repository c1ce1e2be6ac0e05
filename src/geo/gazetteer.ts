/**
 * Gazetteer of the partner nations (GeoNames, CC BY 4.0), and for the news extractor the towns of
 * their neighbours (gazetteer-load.ts): accent- and case-insensitive look-up
 * of places by name, French and local spellings, and press aliases.
 *
 * In parts: names folded and homonyms ranked (gazetteer-names.ts); the index parsed from the
 * shipped file or built from records (gazetteer-index.ts); search and look-up over an index, pure
 * (gazetteer-search.ts); and the shipped file, built ahead by scripts/build-gazetteer.mjs, read
 * once and cached (gazetteer-load.ts).
 */
export * from './gazetteer-names.js';
export * from './gazetteer-index.js';
export * from './gazetteer-search.js';
export * from './gazetteer-load.js';
