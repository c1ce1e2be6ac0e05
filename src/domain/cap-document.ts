/*
 * The CAP document, in parts: the message and its types (cap-message.ts), its checks
 * (cap-validation.ts), its XML (cap-xml.ts), the Atom feed listing documents (cap-atom.ts), and the
 * messages made from the population's alerts (cap-from-alert.ts).
 */
export * from './cap-message.js';
export * from './cap-validation.js';
export * from './cap-xml.js';
export * from './cap-atom.js';
export * from './cap-from-alert.js';
