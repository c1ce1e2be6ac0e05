/**
 * Press spellings that GeoNames lacks or spells differently. Each alias names the GeoNames
 * spelling it stands for and, when the alias is specific to one country, that country.
 * Keys are written as the press writes them; matching folds accents and case.
 */
export interface PlaceAlias {
  /** Spelling used in GeoNames (name or alternate name). */
  target: string;
  country?: string;
}

export const PLACE_ALIASES: Readonly<Record<string, PlaceAlias>> = {
  Sélibaby: { target: 'Sélibabi', country: 'MR' },
  Ourossogui: { target: 'Ouro Sogui', country: 'SN' },
  // The press writes the Koulikoro town with the spelling of a Sikasso village.
  Diédiéni: { target: 'Didiéni', country: 'ML' },
  'Nioro du Sahel': { target: 'Nioro', country: 'ML' },
  Tamba: { target: 'Tambacounda', country: 'SN' },
  'Ayoun el-Atrous': { target: 'Ayoun el Atrous', country: 'MR' },
  Aïoun: { target: 'Ayoun el Atrous', country: 'MR' },
  Falémé: { target: 'Falémé Rivière' },
  Guidimakha: { target: 'Guidimaka', country: 'MR' },
};
