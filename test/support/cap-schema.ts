import { readFileSync } from 'node:fs';
import { XmlDocument, XsdValidator, XmlValidateError } from 'libxml2-wasm';

/**
 * Checks CAP 1.2 documents against the standard's structure (`cap-1.2.xsd`) with libxml2's XML
 * Schema validator: element order and counts, allowed values, date-time form. Answers the
 * validator's messages, none for a valid document.
 */
export function capSchemaErrors(xml: string): string[] {
  const schema = XmlDocument.fromString(readFileSync(new URL('./cap-1.2.xsd', import.meta.url), 'utf8'));
  const validator = XsdValidator.fromDoc(schema);
  const document = XmlDocument.fromString(xml);
  try {
    validator.validate(document);
    return [];
  } catch (error) {
    if (error instanceof XmlValidateError) return error.details.map((detail) => `${detail.line}: ${detail.message.trim()}`);
    throw error;
  } finally {
    document.dispose();
    validator.dispose();
    schema.dispose();
  }
}
