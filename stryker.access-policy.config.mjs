// @ts-check
/**
 * Mutation testing of the access policy: every authorisation decision is made there, so every
 * mutant that is not equivalent (stryker.shared.mjs lists those, with reasons) must be killed.
 */
import { sharedOptions } from './stryker.shared.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...sharedOptions('access-policy'),
  mutate: ['shared/domain/access-policy.ts'],
  thresholds: { high: 100, low: 100, break: 100 },
};
