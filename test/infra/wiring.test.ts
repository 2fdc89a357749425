/**
 * Wiring that only AWS would otherwise catch: every table or bucket a function is told about
 * (through an environment variable) is one its role may use.
 */
import { describe, expect, it } from 'vitest';
import { readTemplate } from '../../local-cloud/template.ts';
import { synthesize } from './app-fixture.ts';

// The stack with its nested stacks' resources (the matters capability's functions among them), as the local cloud reads it.
const { assembly } = synthesize();
const all = readTemplate(assembly.directory, 'Portico').Resources as Record<string, any>;
const functions = Object.entries(all).filter(([id, r]) => r.Type === 'AWS::Lambda::Function' && !id.startsWith('BucketNotificationsHandler'));

function statementsOfRole(roleId: string) {
  return Object.values(all)
    .filter((r) => r.Type === 'AWS::IAM::Policy' && r.Properties.Roles.some((x: any) => x.Ref === roleId))
    .flatMap((p) => p.Properties.PolicyDocument.Statement);
}

describe('every resource a function is told about is one it may use', () => {
  for (const [fnId, fn] of functions) {
    const env = fn.Properties.Environment?.Variables ?? {};
    for (const [name, value] of Object.entries<any>(env)) {
      const target = value?.Ref;
      if (!target || !['AWS::DynamoDB::GlobalTable', 'AWS::S3::Bucket'].includes(all[target]?.Type)) continue;
      it(`${fnId} may use ${name} (${target})`, () => {
        const statements = statementsOfRole(fn.Properties.Role['Fn::GetAtt'][0]);
        const reaches = statements.some((s) => JSON.stringify(s.Resource).includes(`"${target}"`));
        expect(reaches).toBe(true);
      });
    }
  }
});
