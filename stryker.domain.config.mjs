// @ts-check
/**
 * Mutation testing of the other domain modules (names, settings, ids). Left out: the access
 * policy (its own run, stryker.access-policy.config.mjs), ports.ts and model.ts (types only).
 */
import { sharedOptions } from './stryker.shared.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...sharedOptions('domain'),
  mutate: [
    'shared/domain/**/*.ts',
    '!shared/domain/access-policy.ts',
    '!shared/domain/ports.ts',
    '!shared/domain/model.ts',
  ],
  thresholds: { high: 100, low: 90, break: 90 },
};
