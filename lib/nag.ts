import { CfnGuardValidator } from '@cdklabs/cdk-validator-cfnguard';
import { CfnResource, Names, Stack, Validations, type CfnElement, type IPolicyValidationContextBeta1, type IPolicyValidationPluginBeta1, type PolicyValidationPluginReportBeta1 } from 'aws-cdk-lib';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type { IConstruct } from 'constructs';

/** The name the cfn-guard plugin (`@cdklabs/cdk-validator-cfnguard`, Control Tower's rules) reports its findings under. */
export const GUARD_PLUGIN = 'cdk-validator-cfnguard';

/**
 * cfn-guard with AWS Control Tower's proactive controls, its findings marked as errors. The plugin
 * leaves their severity unset: CDK prints them as errors, but once any one of them is acknowledged it
 * recomputes the report's result from the severities and lets the others pass synth.
 */
export class ControlTowerChecks implements IPolicyValidationPluginBeta1 {
  readonly name = GUARD_PLUGIN;
  private readonly guard = new CfnGuardValidator();
  readonly version = this.guard.version;
  readonly ruleIds = this.guard.ruleIds;

  validate(context: IPolicyValidationContextBeta1): PolicyValidationPluginReportBeta1 {
    const report = this.guard.validate(context);
    return { ...report, violations: report.violations.map((v) => ({ ...v, severity: v.severity ?? 'error' })) };
  }
}

/**
 * Acknowledges findings of the synth-time checks on a construct (and what it contains), each with
 * the reason a reviewer would need. `ids` may name a cdk-nag rule (`AwsSolutions-S1`,
 * `Serverless-LambdaDLQ`), one finding of it (`AwsSolutions-IAM5[Resource::…]`), so a wildcard is
 * acknowledged only where it was reviewed, or a Control Tower rule as cfn-guard names it
 * (`lambda_inside_vpc_check`, snake case; the report shows its `CT.…` id beside it). CDK matches an
 * acknowledgement to the findings on this construct's path and below, for every plugin alike.
 */
export function acknowledge(scope: IConstruct, ids: string[], reason: string): void {
  for (const id of ids) Validations.of(scope).acknowledge({ id: `${pluginOf(id)}::${id}`, reason });
}

/** cdk-nag's rules are `<Pack>-<Rule>`; Control Tower's guard rules are snake case and carry no pack. */
function pluginOf(id: string): string {
  return /^[a-z0-9_]+$/.test(id) ? GUARD_PLUGIN : id.slice(0, id.indexOf('-'));
}

/**
 * The token cdk-nag prints for a resource's ARN, e.g. `<DataContacts569EB5AC.Arn>`; in a policy of
 * another (nested) stack `from`, the ARN arrives as that stack's parameter,
 * `<referencetoPorticoDataContacts4A0454A2Arn>`, named by CDK from the resource's unique id.
 */
export function arnToken(resource: IConstruct, from?: IConstruct): string {
  const cfn = resource.node.defaultChild as CfnElement;
  if (from && Stack.of(from) !== Stack.of(resource)) return `<referenceto${Names.uniqueId(cfn)}Arn>`;
  return `<${Stack.of(resource).getLogicalId(cfn)}.Arn>`;
}

/**
 * The Lambda functions of the stack that run as `role`: how a construct reaches the function of a
 * CDK singleton helper it caused (the bucket-notification handler lives at the stack's root, under
 * a hashed id), by the role it gave it rather than by that id.
 */
export function functionsRunningAs(role: iam.IRole): CfnResource[] {
  const stack = Stack.of(role);
  const arn = JSON.stringify(stack.resolve(role.roleArn));
  return stack.node
    .findAll()
    .filter((c): c is CfnResource => CfnResource.isCfnResource(c) && c.cfnResourceType === 'AWS::Lambda::Function')
    .filter((f) => JSON.stringify(stack.resolve((f as unknown as { _cfnProperties: { Role?: unknown } })._cfnProperties?.Role)) === arn);
}
