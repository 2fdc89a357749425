/**
 * The zod every schema of ours is written with, imported as `import * as z from '#shared/zod'`:
 * `zod/mini`, the tree-shakable build of the same package, so a bundle carries only the
 * validators its schemas use (`import { z } from 'zod'` kept all of zod, 440 KiB of a typical
 * 800 KiB function). zod/mini ships no messages; English alone is configured here, once, so
 * refusals read as they always did ("expected string, received number"); `z.locales` would bundle
 * every language again. Re-exported with `export *`: a namespace re-exported as one object
 * (`export { z }`) would keep all of zod again.
 */
import { en } from 'zod/locales';
import { config } from 'zod/mini';

config(en());

export * from 'zod/mini';
