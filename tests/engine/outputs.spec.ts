// Outputs the way the provider gives them: in preview what Check knows is known and every other output is
// unknown, never undefined; in update every output exists with a value of the provider's shape, the id
// formed as the provider forms it. The shape tables behind it are current for the installed SDKs.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { Bucket } from "@pulumi/aws/s3/bucket";
import { Queue } from "@pulumi/aws/sqs/queue";
import { Secret } from "@pulumi/aws/secretsmanager/secret";
import { Vpc } from "@pulumi/aws/ec2/vpc";
import { Role } from "@pulumi/aws/iam/role";
import { Function as LambdaFunction } from "@pulumi/aws/lambda/function";
import { Provider as AwsProvider } from "@pulumi/aws/provider";
import { Cluster } from "@pulumi/gcp/container/cluster";
import { StorageAccount } from "@pulumi/azure-native/storage/storageAccount";
import { Service } from "@pulumi/kubernetes/core/v1/service";
import { SECRET_SIG_KEY, UNKNOWN, GraphQuery, synth } from "../../engine";
import { shapeTable } from "../../engine/outputs";
import { SHAPE_PACKAGES, buildShapeTable, shapeFile } from "../../scripts/output-shapes";
import { evaluatePolicies } from "../../testing";

/** Any resource type, with the outputs its SDK class declares (as the generated classes pass them). */
class AnyResource extends pulumi.CustomResource {
  constructor(type: string, name: string, props: Record<string, unknown>) {
    super(type, name, props);
  }
}

describe("engine: outputs as the provider gives them", function () {
  this.timeout(120_000);

  describe("the shape tables", () => {
    it("were made from the installed SDK versions (else: npm run build && node dist/scripts/output-shapes.js)", () => {
      for (const pkg of SHAPE_PACKAGES) {
        const manifest = path.join(
          path.dirname(require.resolve(`@pulumi/${pkg}/package.json`)),
          "package.json",
        );
        const installed = (JSON.parse(fs.readFileSync(manifest, "utf8")) as { version: string }).version;
        assert.equal(
          shapeTable(pkg)?.version,
          installed,
          `engine/shapes/${pkg}.json is for another @pulumi/${pkg}`,
        );
      }
    });

    it("are exactly what the script makes from the installed SDK (Kubernetes, regenerated here)", () => {
      const made = `${JSON.stringify(buildShapeTable("kubernetes"))}\n`;
      assert.equal(made, fs.readFileSync(shapeFile("kubernetes"), "utf8"));
    });

    it("cover every resource type of each SDK, AWS's ids in the forms its import docs give", () => {
      const aws = shapeTable("aws")!;
      assert.ok(Object.keys(aws.resources).length > 1500);
      assert.ok(Object.keys(shapeTable("azure-native")!.resources).length > 2000);
      assert.equal(aws.resources["aws:secretsmanager/secret:Secret"].id?.startsWith("arn:"), true);
      assert.match(aws.resources["aws:ec2/vpc:Vpc"].id ?? "", /^vpc-/);
      assert.deepEqual(aws.resources["aws:rds/instance:Instance"].s, ["password", "passwordWo"]);
    });
  });

  it("preview: auto-names, tagsAll and region are known; output-only values are unknown, never undefined", async () => {
    const g = await synth(
      () => {
        const tagged = new AwsProvider("tagged", {
          region: "eu-west-2",
          defaultTags: { tags: { team: "core" } },
        });
        const bucket = new Bucket("logs", { tags: { app: "web" } }, { provider: tagged });
        const svc = new Service("web", { spec: { ports: [{ port: 80 }] } });
        const gke = new Cluster("gke", {
          location: "europe-west1",
          masterAuth: { clientCertificateConfig: { issueClientCertificate: false } },
        });
        return {
          bucket: bucket.bucket,
          tagsAll: bucket.tagsAll,
          region: bucket.region,
          arn: bucket.arn,
          svc: svc.metadata.name,
          status: svc.status,
          ca: gke.masterAuth.clusterCaCertificate,
        };
      },
      { config: { "aws:region": "eu-west-1" } },
    );
    assert.match(g.outputs.bucket as string, /^logs-[0-9a-f]{7}$/);
    assert.deepEqual(g.outputs.tagsAll, { team: "core", app: "web" });
    assert.equal(g.outputs.region, "eu-west-2");
    assert.match(g.outputs.svc as string, /^web-[0-9a-f]{8}$/);
    for (const unknown of ["arn", "status", "ca"]) assert.equal(g.outputs[unknown], UNKNOWN, unknown);
    // The same name in update: Check's answer does not change at create.
    const u = await synth(() => ({ bucket: new Bucket("logs", {}).bucket }), { preview: false });
    assert.equal(u.outputs.bucket, g.outputs.bucket);
  });

  it("update: ids and ARNs as AWS forms them; GKE, Azure and Kubernetes outputs programs read exist", async () => {
    const g = await synth(
      () => {
        const secret = new Secret("db", {});
        const queue = new Queue("jobs", {});
        const vpc = new Vpc("net", { cidrBlock: "10.0.0.0/16" });
        const role = new Role("app", { assumeRolePolicy: "{}" });
        const bucket = new Bucket("logs", {});
        const gke = new Cluster("gke", { location: "us-central1", initialNodeCount: 1 });
        const sa = new StorageAccount("sa", {
          resourceGroupName: "rg",
          kind: "StorageV2",
          sku: { name: "Standard_LRS" },
        });
        const svc = new Service("web", { spec: { type: "LoadBalancer", ports: [{ port: 80 }] } });
        return {
          secretId: secret.id,
          secretArn: secret.arn,
          queueId: queue.id,
          queueUrl: queue.url,
          vpcId: vpc.id,
          vpcArn: vpc.arn,
          roleId: role.id,
          roleArn: role.arn,
          bucketId: bucket.id,
          bucketArn: bucket.arn,
          gkeId: gke.id,
          gkeCa: gke.masterAuth.clusterCaCertificate,
          gkeEndpoint: gke.endpoint,
          blob: sa.primaryEndpoints.blob,
          saId: sa.id,
          lb: svc.status.loadBalancer.ingress[0].ip,
          svcId: svc.id,
        };
      },
      { preview: false, config: { "aws:region": "eu-west-1", "gcp:project": "acme" } },
    );
    const o = g.outputs as Record<string, string>;
    assert.match(
      o.secretId,
      /^arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-[0-9a-f]{7}-[A-Za-z]{6}$/,
    );
    assert.equal(o.secretArn, o.secretId);
    assert.match(o.queueId, /^https:\/\/sqs\.eu-west-1\.amazonaws\.com\/123456789012\/jobs-[0-9a-f]{7}$/);
    assert.equal(o.queueUrl, o.queueId);
    assert.match(o.vpcId, /^vpc-[0-9a-f]{17}$/);
    assert.equal(o.vpcArn, `arn:aws:ec2:eu-west-1:123456789012:vpc/${o.vpcId}`);
    assert.match(o.roleId, /^app-[0-9a-f]{7}$/);
    assert.equal(o.roleArn, `arn:aws:iam::123456789012:role/${o.roleId}`);
    assert.equal(o.bucketArn, `arn:aws:s3:::${o.bucketId}`);
    assert.match(o.gkeId, /^projects\/acme\/locations\/us-central1\/clusters\/gke-[0-9a-f]{7}$/);
    assert.match(Buffer.from(o.gkeCa, "base64").toString(), /BEGIN CERTIFICATE/);
    assert.match(o.gkeEndpoint, /^\d+\.\d+\.\d+\.\d+$/);
    assert.match(o.blob, /^https:\/\/sa[0-9a-f]{8}\.blob\.core\.windows\.net\/$/);
    assert.match(
      o.saId,
      /^\/subscriptions\/[^/]+\/resourceGroups\/rg\/providers\/Microsoft\.Storage\/storageAccounts\/sa[0-9a-f]{8}$/,
    );
    assert.match(o.lb, /^203\.0\.113\.\d+$/);
    assert.match(o.svcId, /^default\/web-[0-9a-f]{8}$/);
  });

  it("update: every output-only property of every resource type in a sample of each SDK has a value", async () => {
    const samples: [string, string[]][] = [];
    for (const pkg of SHAPE_PACKAGES) {
      const types = Object.entries(shapeTable(pkg)!.resources);
      // Every 25th type, in token order: a spread across each SDK's modules.
      for (let i = 0; i < types.length; i += 25) samples.push([types[i][0], Object.keys(types[i][1].o)]);
    }
    const g = await synth(
      () => {
        const outputs: Record<string, unknown> = {};
        samples.forEach(([type, props], i) => {
          const r = new AnyResource(type, `r${i}`, Object.fromEntries(props.map((p) => [p, undefined])));
          for (const p of props)
            outputs[`${type}|${p}`] = (r as unknown as Record<string, pulumi.Output<unknown>>)[p];
        });
        return outputs;
      },
      { preview: false },
    );
    const missing = Object.entries(g.outputs)
      .filter(([, v]) => v === undefined)
      .map(([k]) => k);
    assert.deepEqual(missing, []);
    assert.ok(samples.length > 200);
  });

  it("update: keys and passwords the SDK marks secret reach the program as secrets", async () => {
    const g = await synth(
      () => {
        new AnyResource("aws:rds/instance:Instance", "db", { password: "hunter2", address: undefined });
      },
      { preview: false },
    );
    const db = new GraphQuery(g).one("aws:rds/instance:Instance", "db");
    const password = db.outputs.password as Record<string, unknown>;
    assert.ok(SECRET_SIG_KEY in password);
    assert.equal(password.value, "hunter2");
  });

  // The issue's wrong finding: `--update` used to invent `db-1a2b3c4d` for a secret's id, not its ARN.
  it("a Lambda given a Secrets Manager secret's id holds a reference (an ARN) in update, as it does in AWS", async () => {
    const g = await synth(
      () => {
        const secret = new Secret("db", {});
        const role = new Role("fn", { assumeRolePolicy: "{}" });
        new LambdaFunction("fn", {
          role: role.arn,
          runtime: "nodejs20.x",
          handler: "index.handler",
          code: new pulumi.asset.AssetArchive({}),
          environment: { variables: { DB_PASSWORD_SECRET: secret.id } },
        });
      },
      { preview: false, config: { "aws:region": "eu-west-1" } },
    );
    const report = await evaluatePolicies(g);
    const found = [...report.violations, ...report.undecided].filter(
      (v) => v.policy === "aws-lambda-no-plaintext-secrets",
    );
    assert.deepEqual(found, []);
  });
});
