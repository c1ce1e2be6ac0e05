/** Sentences of a text with their offsets; a line break always ends a sentence. */
export interface Sentence {
  index: number;
  end: number;
  text: string;
  /** Paragraph number (blank-line or line separated). */
  paragraph: number;
}

// Abbreviations after which a full stop does not end the sentence.
const ABBREVIATION =
  /(?:\b(?:M|Mme|Dr|Pr|Lt|Gen|Gén|Col|Cdt|Capt|St|No|N°|n°|etc|av|J\.-C|U\.S|Mr|Mrs|Sgt|Maj|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec)|\b\p{Lu})\.$/u;

export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let paragraph = 0;
  const lines = text.split('\n');
  let offset = 0;
  for (const line of lines) {
    if (line.trim().length === 0) {
      offset += line.length + 1;
      continue;
    }
    let start = 0;
    // A capital after the stop, or a quotation opening with one (« Le…, with the space French puts after «).
    const boundary = /[.!?…»"]+(?=\s+(?:[«"“(]\s?)?[\p{Lu}\d])/gu;
    let match: RegExpExecArray | null;
    while ((match = boundary.exec(line))) {
      const end = match.index + match[0].length;
      if (ABBREVIATION.test(line.slice(Math.max(0, end - 8), end))) continue;
      push(line.slice(start, end), offset + start);
      start = end;
    }
    push(line.slice(start), offset + start);
    paragraph += 1;
    offset += line.length + 1;
  }
  function push(raw: string, at: number) {
    const lead = raw.length - raw.trimStart().length;
    const value = raw.trim();
    if (value.length > 0) sentences.push({ index: at + lead, end: at + lead + value.length, text: value, paragraph });
  }
  return sentences;
}
