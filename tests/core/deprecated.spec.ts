// The deprecated core names (components/core/deprecated.ts) still work for one minor version, and each
// gives exactly what its new home in a cloud folder gives.
import { strict as assert } from "assert";
import * as core from "../../components/core";
import { S3_BUCKET_NAME } from "../../components/aws/naming";
import { AWS_SIZES } from "../../components/aws/sizes";
import { awsTags } from "../../components/aws/tags";
import { AZURE_STORAGE_ACCOUNT_NAME, azureTags } from "../../components/azure";
import { GCP_RESOURCE_NAME, conformGcpLabel, gcpLabels } from "../../components/gcp";
import {
  KUBERNETES_LABEL_NAME,
  KUBERNETES_SIZES,
  KUBERNETES_SUBDOMAIN_NAME,
  kubernetesLabelKeyProblem,
  kubernetesLabelValueProblem,
  kubernetesLabels,
} from "../../components/kubernetes";
import { inputError } from "./helpers";

const v = new core.Validator("aws.Bucket", "logs");
const ctx = { environment: "prod" as const, component: "aws.Bucket", tags: { "Cost Center": "42" } };

describe("core: deprecated re-exports (removed in 0.3.0)", () => {
  it("the tag and label functions give what the cloud folders give", () => {
    assert.deepEqual(core.awsTags(v, ctx), awsTags(v, ctx));
    assert.deepEqual(core.azureTags(v, ctx), azureTags(v, ctx));
    const labelled = { ...ctx, tags: { cost_center: "42" } };
    assert.deepEqual(core.gcpLabels(v, labelled), gcpLabels(v, labelled));
    assert.equal(core.conformGcpLabel("1A", true), conformGcpLabel("1A", true));
    const k = { environment: "dev" as const, component: "kubernetes.Workload", name: "api" };
    assert.deepEqual(core.kubernetesLabels(v, k), kubernetesLabels(v, k));
    assert.equal(core.kubernetesLabelKeyProblem("a/b/c"), kubernetesLabelKeyProblem("a/b/c"));
    assert.equal(core.kubernetesLabelValueProblem("a:b"), kubernetesLabelValueProblem("a:b"));
    assert.match(
      inputError(() => core.awsTags(v, { ...ctx, tags: { "aws:x": "y" } })).problem,
      /aws: prefix/,
    );
  });

  it("NAME_RULES lists the five kinds, each the rule its cloud folder exports", () => {
    assert.deepEqual(Object.keys(core.NAME_RULES), [
      "s3Bucket",
      "azureStorageAccount",
      "gcpResource",
      "kubernetesLabel",
      "kubernetesSubdomain",
    ]);
    assert.strictEqual(core.NAME_RULES.s3Bucket, S3_BUCKET_NAME);
    assert.strictEqual(core.NAME_RULES.azureStorageAccount, AZURE_STORAGE_ACCOUNT_NAME);
    assert.strictEqual(core.NAME_RULES.gcpResource, GCP_RESOURCE_NAME);
    assert.strictEqual(core.NAME_RULES.kubernetesLabel, KUBERNETES_LABEL_NAME);
    assert.strictEqual(core.NAME_RULES.kubernetesSubdomain, KUBERNETES_SUBDOMAIN_NAME);
  });

  it("nameProblem, validateName and shapeName by kind match the rule-taking functions", () => {
    assert.equal(core.nameProblem("s3Bucket", "ab"), core.nameProblemFor(S3_BUCKET_NAME, "ab"));
    assert.equal(core.shapeName("gcpResource", "9lives"), core.shapeNameFor(GCP_RESOURCE_NAME, "9lives"));
    assert.equal(core.validateName(v, "bucketName", "s3Bucket", "my-logs"), "my-logs");
    assert.equal(
      inputError(() => core.validateName(v, "bucketName", "s3Bucket", "My_Logs")).field,
      "bucketName",
    );
  });

  it("profileSizes gives what PROFILES[env].sizes held: the AWS and the Kubernetes sizes together", () => {
    for (const env of core.ENVIRONMENTS) {
      assert.deepEqual(core.profileSizes(env), { ...AWS_SIZES[env], ...KUBERNETES_SIZES[env] });
    }
    assert.equal(core.profileSizes("prod").databaseInstanceClass, "db.r6g.large");
    assert.equal(core.profileSizes("dev").container.memoryLimit, "256Mi");
  });
});
