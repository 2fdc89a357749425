import { App, Validations, type AppProps } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { PorticoStack } from './portico-stack.ts';
import { readSettings } from './settings.ts';

/** Builds the app exactly as `cdk synth` does, cdk-nag included; tests pass cdk.json's context in. */
export function buildApp(props: AppProps = {}): { app: App; stack: PorticoStack } {
  const app = new App(props);
  const stack = new PorticoStack(app, 'Portico', {
    settings: readSettings(app.node),
    description: 'Portico client portal',
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}
