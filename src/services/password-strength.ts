import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import * as french from '@zxcvbn-ts/language-fr';
import type { StrengthEstimate } from '../domain/password-policy.js';

let estimator: ZxcvbnFactory | undefined;

/**
 * zxcvbn with the common password lists and the French and English dictionaries. Building it
 * unpacks the dictionaries (about a second), so it happens once, when a password is first set.
 */
export const estimateStrength: StrengthEstimate = (password, personalWords) => {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary, ...french.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  });
  return estimator.check(password, [...personalWords]).score;
};
