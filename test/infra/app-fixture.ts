import { Template } from 'aws-cdk-lib/assertions';
import { readFileSync } from 'node:fs';
import { buildApp } from '../../lib/app.ts';

const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8'));

/**
 * The app exactly as `cdk synth` builds it (cdk.json context, cdk-nag on), without bundling the
 * functions, and without the Control Tower checks (cfn-guard adds seconds to each synth) unless the
 * context asks for them: `test/infra/control-tower.test.ts` does.
 */
export function synthesize(context: Record<string, unknown> = {}) {
  const { app, stack } = buildApp({ context: { ...cdkJson.context, 'portico:controlTowerChecks': false, ...context, 'aws:cdk:bundling-stacks': [] } });
  const assembly = app.synth();
  return { app, stack, assembly, template: Template.fromStack(stack) };
}
