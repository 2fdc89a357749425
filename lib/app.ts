import { App, Validations, type AppProps } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { ControlTowerChecks } from './nag.ts';
import { PorticoStack } from './portico-stack.ts';
import { readSettings } from './settings.ts';

/**
 * Builds the app exactly as `cdk synth` does, with its checks: cdk-nag's AwsSolutions and
 * Serverless packs, and cfn-guard with AWS Control Tower's proactive controls unless
 * `portico:controlTowerChecks` is false. Tests pass cdk.json's context in.
 */
export function buildApp(props: AppProps = {}): { app: App; stack: PorticoStack } {
  const app = new App(props);
  const settings = readSettings(app.node);
  const stack = new PorticoStack(app, stackName(settings.stage), {
    settings,
    description: settings.stage ? `Portico client portal (${settings.stage})` : 'Portico client portal',
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app), ...(settings.controlTowerChecks ? [new ControlTowerChecks()] : []));
  return { app, stack };
}

/** `Portico`, or `Portico-<stage>` for a named stage (the local cloud runs the stage-less stack). */
export function stackName(stage?: string): string {
  return stage ? `Portico-${stage}` : 'Portico';
}
