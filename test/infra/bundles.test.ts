/**
 * Functions stay lean: zod reaches a bundle only as the validators its schemas use. Sizes and
 * init times against the SDK are measured, not asserted: `npm run bench` (bench/bundles.ts).
 */
import * as esbuild from 'esbuild';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { expect, it } from 'vitest';
import { esbuildOptions } from '../../lib/bundling.ts';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

it("our code imports zod only through shared/zod.ts (zod/mini, English messages), never all of 'zod'", () => {
  const sources = ['functions', 'shared/http', 'shared/domain', 'shared/services', 'shared/adapters'].flatMap((dir) =>
    readdirSync(path.join(root, dir)).filter((f) => f.endsWith('.ts')).map((f) => path.join(dir, f)),
  );
  const offenders = sources.filter((f) => /from ['"]zod(\/[^'"]*)?['"]/.test(readFileSync(path.join(root, f), 'utf8')));
  expect(offenders).toEqual([]);
});

it('no function reaches the response contracts (shared/contracts): they are checked in the tests, not paid for at cold start', () => {
  const sources = ['functions', 'shared/http', 'shared/domain', 'shared/services', 'shared/adapters'].flatMap((dir) =>
    readdirSync(path.join(root, dir)).filter((f) => f.endsWith('.ts')).map((f) => path.join(dir, f)),
  );
  const offenders = sources.filter((f) => /from ['"][^'"]*contracts\//.test(readFileSync(path.join(root, f), 'utf8')));
  expect(offenders).toEqual([]);
});

it('a route with one of the largest schemas bundles under 50 KiB of zod', async () => {
  const { metafile } = await esbuild.build({
    ...esbuildOptions,
    entryPoints: [path.join(root, 'functions', 'staff-create-contact.ts')],
    outfile: path.join(root, 'cdk.out', 'test-bundle', 'index.mjs'),
    absWorkingDir: root,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const output = Object.values(metafile.outputs).find((o) => o.entryPoint)!;
  const zodBytes = Object.entries(output.inputs)
    .filter(([file]) => file.includes('node_modules/zod/'))
    .reduce((sum, [, input]) => sum + input.bytesInOutput, 0);
  expect(zodBytes / 1024).toBeGreaterThan(0);
  expect(zodBytes / 1024).toBeLessThan(50);
});

it('only the functions that write emails bundle i18next and the email catalogues (it runs code at load, so esbuild cannot drop an unused import of it): the outbox deliverer and sweep, and the two pools\' CustomMessage triggers (Cognito\'s codes in the reader\'s language)', async () => {
  const entries = readdirSync(path.join(root, 'functions')).filter((f) => f.endsWith('.ts'));
  const { metafile } = await esbuild.build({
    ...esbuildOptions,
    entryPoints: entries.map((f) => path.join(root, 'functions', f)),
    outdir: path.join(root, 'cdk.out', 'test-bundles'),
    absWorkingDir: root,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const withI18next = Object.values(metafile.outputs)
    .filter((o) => o.entryPoint && Object.keys(o.inputs).some((file) => file.includes('node_modules/i18next/')))
    .map((o) => path.basename(o.entryPoint!))
    .sort();
  expect(withI18next).toEqual(['customer-custom-message.ts', 'deliver-emails.ts', 'staff-custom-message.ts', 'sweep-outbox.ts']);
});
