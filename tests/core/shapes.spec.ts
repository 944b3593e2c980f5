// Errors that match the input: an id, ARN or path that is refused is refused for what is actually wrong
// with it (`vpc-123` has 3 hex digits after `vpc-`), never with the form it already has.
import { strict as assert } from "assert";
import { Validator, awsIdShape, pathShape } from "../../components/core";
import {
  ACM_CERTIFICATE_ARN,
  IAM_ROLE_ARN,
  KMS_KEY_ARN,
  SECRET_REFERENCE_ARN,
  SECURITY_GROUP_ID,
  VPC_ID,
} from "../../components/aws/arns";
import * as aws from "../../components/aws";
import { ACR_HOST_SHAPE, ACR_REGISTRY_SHAPE, AZURE_LOCATION_SHAPE } from "../../components/azure/naming";
import { SERVICE_ARGS } from "../aws/helpers";
import { inputError } from "./helpers";

describe("core/shapes: AWS ids", () => {
  const cases: [string, string][] = [
    ["vpc-123", 'has 3 hex digits after "vpc-", where AWS ids have 8 or 17'],
    ["vpc-0123456789abcdef", 'has 16 hex digits after "vpc-", where AWS ids have 8 or 17'],
    ["vpc-0123456789ABCDEF0", 'has uppercase hex digits after "vpc-" (AWS ids are lowercase)'],
    ["vpc-main", 'has characters other than hex digits after "vpc-"'],
    ["subnet-0a1b2c3d", 'is a "subnet-" id, not a VPC id'],
    ["10.0.0.0/16", "is a CIDR block or address, not a VPC id"],
    ["my-vpc", 'does not start with "vpc-"'],
  ];
  for (const [value, problem] of cases)
    it(`${value}: ${problem}`, () => {
      assert.ok(!VPC_ID.pattern.test(value));
      assert.equal(VPC_ID.problem(value), problem);
    });

  it("accepts the two lengths AWS gives, 8 and 17", () => {
    for (const ok of ["vpc-0a1b2c3d", "vpc-0a1b2c3d4e5f67890", "sg-12345678"])
      assert.ok((ok.startsWith("sg-") ? SECURITY_GROUP_ID : VPC_ID).pattern.test(ok), ok);
    assert.match(awsIdShape("vpc", "a VPC id", "vpc-1").expected, /^a VPC id: "vpc-" followed by 8 or 17/);
  });

  it("the component's error names component, field, value, the actual fault and what is accepted", () => {
    const err = inputError(() => new aws.ContainerService("api", { ...SERVICE_ARGS, vpcId: "vpc-123" }));
    assert.equal(
      err.message,
      'aws.ContainerService "api": vpcId "vpc-123" has 3 hex digits after "vpc-", where AWS ids have 8 or 17 ' +
        '(expected a VPC id: "vpc-" followed by 8 or 17 lowercase hex digits, such as vpc-0a1b2c3d4e5f67890)',
    );
  });
});

describe("core/shapes: ARNs name the part that is wrong", () => {
  const cases: [typeof KMS_KEY_ARN, string, string][] = [
    [KMS_KEY_ARN, "1234abcd-12ab-34cd-56ef-1234567890ab", 'is not an ARN (it does not start with "arn:")'],
    [KMS_KEY_ARN, "arn:aws:kms:us-east-1", "has 4 colon-separated parts, where an ARN has 6"],
    [KMS_KEY_ARN, "arn:aws:s3:::bucket", 'is an ARN of the service "s3", not "kms"'],
    [KMS_KEY_ARN, "arn:aws:kms::123456789012:key/1234", "names no region"],
    [
      KMS_KEY_ARN,
      "arn:aws:kms:us-east-1:1234:key/1234",
      'names the account "1234", where accounts are 12 digits',
    ],
    [
      KMS_KEY_ARN,
      "arn:aws:kms:us-east-1:123456789012:alias/app",
      'has the resource "alias/app", where key/<key id> (the key itself, not an alias) is expected',
    ],
    [
      KMS_KEY_ARN,
      "arn:azure:kms:us-east-1:123456789012:key/1",
      'names the partition "azure", not aws, aws-cn or aws-us-gov',
    ],
    [
      IAM_ROLE_ARN,
      "arn:aws:iam:us-east-1:123456789012:role/app",
      'names the region "us-east-1", which iam ARNs leave empty',
    ],
    [
      SECRET_REFERENCE_ARN,
      "arn:aws:secretsmanager:us-east-1:123456789012:parameter/db",
      'has the resource "parameter/db", where secret:<name> (Secrets Manager) or parameter/<name> (SSM) is expected',
    ],
    [
      ACM_CERTIFICATE_ARN,
      "arn:aws:acm:us-east-1:123456789012:cert/1",
      'has the resource "cert/1", where certificate/<id> is expected',
    ],
  ];
  for (const [shape, value, problem] of cases)
    it(`${value}: ${problem}`, () => {
      assert.ok(!shape.pattern.test(value));
      assert.equal(shape.problem(value), problem);
    });

  it("accepts what it accepted before: every partition, paths in role ARNs", () => {
    assert.ok(KMS_KEY_ARN.pattern.test("arn:aws-us-gov:kms:us-gov-west-1:123456789012:key/1234abcd-12ab"));
    assert.equal(IAM_ROLE_ARN.pattern.exec("arn:aws:iam::123456789012:role/team/app")?.[1], "app");
    assert.ok(SECRET_REFERENCE_ARN.pattern.test("arn:aws:ssm:eu-west-1:123456789012:parameter/db/url"));
  });
});

describe("core/shapes: resource paths and Azure shapes", () => {
  const network = pathShape("projects/{project}/global/networks/{network}", {
    what: "a network id",
    example: "x",
  });

  it("names the first segment that differs, a missing tail, or an extra one", () => {
    assert.equal(
      network.problem("projects/acme/regions/networks/core"),
      'has "regions" where the template has "global" (segment 3)',
    );
    assert.equal(
      network.problem("projects/acme/global"),
      'ends after "projects/acme/global": the template goes on with "networks/{network}"',
    );
    assert.equal(
      network.problem("projects/acme/global/networks/core/x"),
      'has 1 segment(s) past the template: "x"',
    );
    assert.equal(network.problem("projects//global/networks/core"), "has an empty {project} segment");
  });

  it("Azure ids compare their fixed segments without case, and say which one is another resource type", () => {
    const id = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/acr";
    assert.ok(ACR_REGISTRY_SHAPE.pattern.test(id.toLowerCase()));
    assert.equal(
      ACR_REGISTRY_SHAPE.problem(id.replace("registries", "webhooks")),
      'has "webhooks" where the template has "registries" (segment 8)',
    );
  });

  it("region names and registry hosts say what is wrong", () => {
    assert.equal(
      AZURE_LOCATION_SHAPE.problem("West Europe"),
      "looks like a display name: region names are lowercase, without spaces",
    );
    assert.equal(
      AZURE_LOCATION_SHAPE.problem("west-europe"),
      "has characters other than lowercase letters and digits",
    );
    assert.equal(ACR_HOST_SHAPE.problem("contoso.docker.io"), 'does not end in ".azurecr.io"');
    assert.equal(ACR_HOST_SHAPE.problem("acr.azurecr.io"), "has a registry name outside 5-50 characters");
  });

  it("Validator.shape refuses a value that is not a string, and lets an Output through", () => {
    const v = new Validator("aws.Network", "n");
    assert.equal(inputError(() => v.shape("vpcId", 42 as never, VPC_ID)).problem, "is not a string");
  });
});
