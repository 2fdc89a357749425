import { Stack, Validations, type CfnElement } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * Acknowledges cdk-nag findings on a construct (and what it contains), each with the reason a
 * reviewer would need. `ids` may name a rule (`AwsSolutions-S1`) or one finding of it
 * (`AwsSolutions-IAM5[Resource::…]`), so a wildcard is acknowledged only where it was reviewed.
 */
export function acknowledge(scope: IConstruct, ids: string[], reason: string): void {
  for (const id of ids) Validations.of(scope).acknowledge({ id: `AwsSolutions::${id}`, reason });
}

/** The token cdk-nag prints for a resource's ARN, e.g. `<DataContacts569EB5AC.Arn>`. */
export function arnToken(resource: IConstruct): string {
  const cfn = resource.node.defaultChild as CfnElement;
  return `<${Stack.of(resource).getLogicalId(cfn)}.Arn>`;
}
