/**
 * docs/openapi.json is what the routes in the template, the handlers' schemas and the response
 * contracts say, and nothing else; the web UIs' types are generated from it.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { API_TYPES_FILE, generateApiTypes, generateOpenApi } from '../../bin/openapi.ts';

it('the committed API description and UI types match the code (run `npm run openapi` after changing a route)', async () => {
  const committed = JSON.parse(readFileSync(new URL('../../docs/openapi.json', import.meta.url), 'utf8'));
  const generated = await generateOpenApi();
  expect(generated).toEqual(committed);
  expect(readFileSync(API_TYPES_FILE, 'utf8')).toBe(await generateApiTypes(generated));
  // Every route has an operation id, and says what it answers on success: a status and a body's schema.
  for (const [p, methods] of Object.entries<any>(generated.paths as object)) {
    for (const [m, op] of Object.entries<any>(methods)) {
      expect(op.operationId, `${m} ${p}`).toMatch(/^(staff|customer)-/);
      const success = Object.entries<any>(op.responses).filter(([status]) => /^2\d\d$/.test(status));
      expect(success, `${m} ${p}`).toHaveLength(1);
      const [[, response]] = success;
      expect(Object.values<any>(response.content)[0].schema, `${m} ${p}`).toBeTruthy();
    }
  }
}, 120_000);
