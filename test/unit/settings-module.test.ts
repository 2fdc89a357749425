/**
 * settings.ts builds its schemas as it loads (the patch schema from the settings schema's
 * sections). This file imports it inside a test, so a change that stops the module from loading
 * fails a test here. (A test file that cannot import counts as no tests at all for Stryker's
 * vitest runner, which would report such a mutant as survived: stryker-js#6150.)
 */
import { expect, it } from 'vitest';

it('the settings module loads, with a partial change allowed for every section of the settings', async () => {
  const { settingsSchema, settingsPatchSchema } = await import('../../shared/domain/settings.ts');
  expect(Object.keys(settingsPatchSchema().shape)).toEqual(Object.keys(settingsSchema().shape));
});
