/** docs/openapi.json is what the routes in the template and the handlers' schemas say, and nothing else. */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { generateOpenApi } from '../../bin/openapi.ts';

it('the committed API description matches the code (run `npm run openapi` after changing a route)', async () => {
  const committed = JSON.parse(readFileSync(new URL('../../docs/openapi.json', import.meta.url), 'utf8'));
  const generated = await generateOpenApi();
  expect(generated).toEqual(committed);
  // Every route with a body documents it; no route is without an operation id.
  for (const [p, methods] of Object.entries<any>(generated.paths as object)) {
    for (const [m, op] of Object.entries<any>(methods)) {
      expect(op.operationId, `${m} ${p}`).toMatch(/^(staff|customer)-/);
    }
  }
}, 120_000);
