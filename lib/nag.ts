import { CfnResource, Names, Stack, Validations, type CfnElement } from 'aws-cdk-lib';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type { IConstruct } from 'constructs';

/**
 * Acknowledges cdk-nag findings on a construct (and what it contains), each with the reason a
 * reviewer would need. `ids` may name a rule (`AwsSolutions-S1`, `Serverless-LambdaDLQ`) or one
 * finding of it (`AwsSolutions-IAM5[Resource::…]`), so a wildcard is acknowledged only where it was
 * reviewed. The rule's pack (the plugin that reports it) is the part before the first dash.
 */
export function acknowledge(scope: IConstruct, ids: string[], reason: string): void {
  for (const id of ids) Validations.of(scope).acknowledge({ id: `${id.slice(0, id.indexOf('-'))}::${id}`, reason });
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
