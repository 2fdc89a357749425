/** The local cloud reads a stack and its nested stacks as one template (local-cloud/template.ts). */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTemplate } from '../../local-cloud/template.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'nested-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (file: string, json: unknown) => writeFileSync(path.join(dir, file), JSON.stringify(json));

describe('nested stacks', () => {
  write('Parent.template.json', {
    Resources: {
      Table: { Type: 'AWS::DynamoDB::GlobalTable', Properties: {} },
      CDKMetadata: { Type: 'AWS::CDK::Metadata' },
      Feature: { Type: 'AWS::CloudFormation::Stack', Metadata: { 'aws:asset:path': 'Feature.nested.template.json' }, Properties: { Parameters: { refTable: { Ref: 'Table' } } } },
      // Found through the assets manifest, as in an app that writes no asset metadata.
      Watch: { Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: { 'Fn::Join': ['', ['https://bucket/', 'abc123.json']] }, Parameters: { refFn: { 'Fn::GetAtt': ['Feature', 'Outputs.FnRef'] } } } },
    },
  });
  write('Parent.assets.json', { files: { abc123: { source: { path: 'Watch.nested.template.json' } } } });
  write('Feature.nested.template.json', {
    Parameters: { refTable: { Type: 'String' } },
    Resources: { CDKMetadata: { Type: 'AWS::CDK::Metadata' }, Fn: { Type: 'AWS::Lambda::Function', Properties: { Environment: { Variables: { TABLE: { Ref: 'refTable' }, SELF: { Ref: 'Fn' } } } } } },
    Outputs: { FnRef: { Value: { Ref: 'Fn' } } },
  });
  write('Watch.nested.template.json', { Parameters: { refFn: { Type: 'String' } }, Resources: { Alarm: { Type: 'AWS::CloudWatch::Alarm', Properties: { Dimensions: [{ Value: { Ref: 'refFn' } }] } } } });

  it('puts every nested resource in the one template, each Ref to a parameter replaced by what the parent gave', () => {
    const { Resources } = readTemplate(dir, 'Parent');
    expect(Object.keys(Resources).sort()).toEqual(['Alarm', 'CDKMetadata', 'Fn', 'Table']);
    expect(Resources.Fn.Properties.Environment.Variables).toEqual({ TABLE: { Ref: 'Table' }, SELF: { Ref: 'Fn' } });
  });

  it('a parameter given another nested stack\'s output reads that output\'s value', () => {
    expect(readTemplate(dir, 'Parent').Resources.Alarm.Properties.Dimensions).toEqual([{ Value: { Ref: 'Fn' } }]);
  });

  it('a logical id in two stacks is an error, not a silent overwrite', () => {
    write('Clash.template.json', { Resources: { Fn: { Type: 'AWS::SNS::Topic' }, Feature: { Type: 'AWS::CloudFormation::Stack', Metadata: { 'aws:asset:path': 'Feature.nested.template.json' }, Properties: {} } } });
    expect(() => readTemplate(dir, 'Clash')).toThrow('Fn is in two of them');
  });
});
