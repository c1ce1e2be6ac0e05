/** JSON text column → array of strings; a corrupt value reads as empty rather than crashing a list. */
export function readStringArray(text: string | null): string[] {
  if (!text) return [];
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

export function writeStringArray(values: readonly string[]): string {
  return JSON.stringify(values);
}
