import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { recordsTable, type TableAccess } from './data.ts';
import type { PorticoFunction } from './portico-function.ts';

/**
 * Customer requests (F21) as a capability of their own: their table. It lives in the matters'
 * nested stack (`scope`), beside the routes that use it, since accepting a request writes a matter
 * and the request in one transaction and a reference between two nested stacks would go through
 * the parent's outputs. Every read is keyed: the layout is the adapter's
 * (shared/adapters/request-store.ts).
 */
export class RequestRecords extends Construct {
  readonly table: dynamodb.TableV2;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.table = recordsTable(this, 'Table', 'pk', 'sk');
  }

  /** Grants a function the table and sets REQUESTS_TABLE, which its adapter reads: the two always come together. */
  grant(fn: PorticoFunction, access: TableAccess): void {
    if (access === 'read') this.table.grantReadData(fn);
    else this.table.grantReadWriteData(fn);
    fn.bindEnv('REQUESTS_TABLE', this.table.tableName);
  }
}
