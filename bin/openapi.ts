/**
 * Generates docs/openapi.json from the synthesized template (which routes exist, on which API)
 * the zod schemas each handler declares (what they accept) and the contracts in shared/contracts
 * (what they answer). `npm run openapi` writes it and the web UIs' types generated from it; a test
 * fails when either committed file differs from what the code says.
 */
import { writeFileSync } from 'node:fs';
import openapiTS, { astToString } from 'openapi-typescript';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { cloudModel, functionEntry, readTemplate } from '../local-cloud/template.ts';
import { components } from '../shared/contracts/records.ts';
import { responses, type ResponseContract } from '../shared/contracts/responses.ts';
import * as z from '../shared/zod.ts';

type Spec = { path?: z.ZodMiniType; query?: z.ZodMiniType; body?: z.ZodMiniType; admin?: boolean };
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

const jsonSchema = (schema: z.ZodMiniType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, any>;
const componentRef = (id: string) => `#/components/schemas/${id}`;
const pascalCase = (entry: string) => entry.replace(/(^|-)([a-z])/g, (_, _dash, c: string) => c.toUpperCase());

/** The success answer of a route: its status and a reference to its body's named schema (a route's own is named after it). */
function successResponse(entry: string, contract: ResponseContract | undefined) {
  if (!contract) throw new Error(`${entry} declares no response: add it to shared/contracts/responses.ts`);
  if ('file' in contract) return { [contract.status]: { description: contract.description, content: { [contract.file]: { schema: { type: 'string' } } } } };
  if (!components.has(contract.schema)) components.add(contract.schema, { id: `${pascalCase(entry)}Response` });
  const schema = { $ref: componentRef(components.get(contract.schema)!.id) };
  return { [contract.status]: { description: contract.description, content: { 'application/json': { schema } } } };
}

/** Every named response schema, each referring to the others by `#/components/schemas/<id>`. */
function componentSchemas(): Record<string, unknown> {
  const { schemas } = z.toJSONSchema(components, { io: 'output', unrepresentable: 'any', uri: componentRef }) as { schemas: Record<string, Record<string, unknown>> };
  return Object.fromEntries(
    Object.entries(schemas)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([id, { $schema: _schema, $id: _id, ...schema }]) => [id, schema]),
  );
}

export async function generateOpenApi(assemblyDir = path.join(root, 'cdk.out')): Promise<Record<string, unknown>> {
  const model = cloudModel(readTemplate(assemblyDir, 'Portico'), assemblyDir);
  // Handlers read their bindings at import; stand-in values let them load without a cloud.
  for (const spec of model.functions.values()) for (const name of Object.keys(spec.environment)) process.env[name] ??= 'openapi';
  process.env.AWS_REGION ??= 'us-east-1';

  const paths: Record<string, Record<string, unknown>> = {};
  for (const api of model.apis) {
    const audience = api.logicalId.startsWith('Staff') ? 'staff' : 'customer';
    for (const route of [...api.routes].sort((a, b) => a.routeKey.localeCompare(b.routeKey))) {
      const entry = functionEntry(route.functionLogicalId);
      const mod = await import(pathToFileURL(path.join(root, 'functions', `${entry}.ts`)).href);
      const spec: Spec = mod.handler.routeSpec ?? {};
      const parameters = [
        ...Object.entries(spec.path ? jsonSchema(spec.path).properties ?? {} : {}).map(([name, schema]) => ({ name, in: 'path', required: true, schema })),
        ...Object.entries(spec.query ? jsonSchema(spec.query).properties ?? {} : {}).map(([name, schema]) => ({ name, in: 'query', required: false, schema })),
      ];
      const key = `/${audience}${route.path}`;
      paths[key] ??= {};
      paths[key][route.method.toLowerCase()] = {
        operationId: entry,
        tags: [audience],
        summary: `${audience} API: ${route.routeKey}${spec.admin ? ' (admins only)' : ''}`,
        security: [{ [`${audience}Pool`]: [] }],
        ...(parameters.length ? { parameters } : {}),
        ...(spec.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(spec.body) } } } } : {}),
        responses: {
          ...successResponse(entry, responses[entry]),
          '4XX': { description: 'Refused; nothing changed', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
        },
      };
    }
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Portico staff and customer APIs', version: '1', description: 'Paths are prefixed with /staff or /customer to name the API; each API is served at its own base URL (stack outputs StaffApiUrl, CustomerApiUrl) without that prefix.' },
    paths,
    components: {
      securitySchemes: {
        staffPool: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'ID token of the staff user pool' },
        customerPool: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'ID token of the customer user pool' },
      },
      schemas: {
        ...componentSchemas(),
        Error: {
          type: 'object',
          required: ['error'],
          properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } } },
        },
      },
    },
  };
}

export const API_TYPES_FILE = path.join(root, 'web', 'common', 'api-types.ts');

/** The web UIs' types of what the APIs accept and answer, generated from the description with openapi-typescript. */
export async function generateApiTypes(doc: Record<string, unknown>): Promise<string> {
  const header = '/**\n * Generated by `npm run openapi` from docs/openapi.json with openapi-typescript: do not edit.\n * The web UIs take the shapes the APIs answer from here (see web/admin/components/types.tsx).\n */\n';
  return header + astToString(await openapiTS(doc as never, { alphabetize: true }));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const doc = await generateOpenApi();
  writeFileSync(path.join(root, 'docs', 'openapi.json'), `${JSON.stringify(doc, null, 2)}\n`);
  writeFileSync(API_TYPES_FILE, await generateApiTypes(doc));
  console.log(`docs/openapi.json: ${Object.keys(doc.paths as object).length} paths; ${path.relative(root, API_TYPES_FILE)} generated from it`);
  process.exit(0);
}
