/** ISO 3166-1 alpha-2 code of a nation, upper case (`ML`, `SN`, `MR`). */
export type NationCode = string;

const NATION_CODE = /^[A-Z]{2}$/;

export function isNationCode(value: unknown): value is NationCode {
  return typeof value === 'string' && NATION_CODE.test(value);
}

/** ISO 3166-1 numeric codes, as used by Natural Earth / world-atlas feature ids. */
export const NUMERIC_CODE: Readonly<Record<NationCode, string>> = {
  ML: '466',
  SN: '686',
  MR: '478',
  GN: '324',
  GM: '270',
  BF: '854',
  NE: '562',
  DZ: '012',
  CI: '384',
  GW: '624',
};

export const NATION_NAME: Readonly<Record<NationCode, { fr: string; en: string }>> = {
  ML: { fr: 'Mali', en: 'Mali' },
  SN: { fr: 'Sénégal', en: 'Senegal' },
  MR: { fr: 'Mauritanie', en: 'Mauritania' },
  GN: { fr: 'Guinée', en: 'Guinea' },
  GM: { fr: 'Gambie', en: 'The Gambia' },
  BF: { fr: 'Burkina Faso', en: 'Burkina Faso' },
  NE: { fr: 'Niger', en: 'Niger' },
  DZ: { fr: 'Algérie', en: 'Algeria' },
  CI: { fr: "Côte d'Ivoire", en: "Côte d'Ivoire" },
  GW: { fr: 'Guinée-Bissau', en: 'Guinea-Bissau' },
};
