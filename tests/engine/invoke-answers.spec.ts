// The built-in answers to the invokes real programs make, through the real SDK functions: policy documents
// computed as the provider computes them, account lookups shaped like the cloud's answer, keys as secrets,
// and the head of the public ranking covered.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { getPolicyDocument } from "@pulumi/aws/iam/getPolicyDocument";
import { getParameter } from "@pulumi/aws/ssm/getParameter";
import { getVpc } from "@pulumi/aws/ec2/getVpc";
import { getSubnets } from "@pulumi/aws/ec2/getSubnets";
import { getSubnet } from "@pulumi/aws/ec2/getSubnet";
import { getZone } from "@pulumi/aws/route53/getZone";
import { getServiceAccount } from "@pulumi/aws/elb/getServiceAccount";
import { getEngineVersions } from "@pulumi/gcp/container/getEngineVersions";
import { getProject } from "@pulumi/gcp/organizations/getProject";
import { getProjectServiceAccount } from "@pulumi/gcp/storage/getProjectServiceAccount";
import { listStorageAccountKeysOutput } from "@pulumi/azure-native/storage/listStorageAccountKeys";
import { listStorageAccountKeys } from "@pulumi/azure-native/storage/listStorageAccountKeys";
import { GraphQuery, SECRET_SIG_KEY, synth } from "../../engine";
import { DEFAULT_INVOKES, OFFLINE_ANSWERS } from "../../engine/invokes";
import { INVOKE_RANKING } from "../../engine/invoke-ranking";
import { crc32 } from "../../engine/policy-document";

/** A custom resource of any type, to see what a program passes on. */
class Sink extends pulumi.CustomResource {
  constructor(name: string, props: Record<string, unknown>) {
    super("test:index:Sink", name, props);
  }
}

describe("engine: offline answers to the invokes real programs make", function () {
  this.timeout(60_000);

  describe("aws:iam/getPolicyDocument, built as the provider builds it", () => {
    it("one value is a string, more are deduplicated and reverse-sorted; principals group by type; `&{` is `${`", async () => {
      const g = await synth(async () => {
        const doc = await getPolicyDocument({
          statements: [
            {
              sid: "Read",
              actions: ["s3:GetObject", "s3:ListBucket", "s3:GetObject"],
              resources: ["arn:aws:s3:::b/*"],
              principals: [
                {
                  type: "AWS",
                  identifiers: ["arn:aws:iam::111111111111:root", "arn:aws:iam::222222222222:root"],
                },
                { type: "Service", identifiers: ["lambda.amazonaws.com"] },
              ],
              conditions: [
                { test: "StringEquals", variable: "aws:SourceAccount", values: ["111111111111"] },
                { test: "StringEquals", variable: "aws:SourceArn", values: ["arn:a", "arn:b"] },
              ],
            },
            {
              effect: "Deny",
              notActions: ["iam:*"],
              resources: ["*"],
              principals: [{ type: "*", identifiers: ["*"] }],
            },
            { sid: "Home", actions: ["s3:*"], resources: ["arn:aws:s3:::b/home/&{aws:username}/*"] },
          ],
        });
        return { json: doc.json, minified: doc.minifiedJson, id: doc.id };
      });
      const expected = {
        Version: "2012-10-17",
        Statement: [
          {
            Sid: "Read",
            Effect: "Allow",
            Action: ["s3:ListBucket", "s3:GetObject"],
            Resource: "arn:aws:s3:::b/*",
            Principal: {
              AWS: ["arn:aws:iam::222222222222:root", "arn:aws:iam::111111111111:root"],
              Service: "lambda.amazonaws.com",
            },
            Condition: {
              StringEquals: { "aws:SourceAccount": "111111111111", "aws:SourceArn": ["arn:a", "arn:b"] },
            },
          },
          { Effect: "Deny", NotAction: "iam:*", Resource: "*", Principal: "*" },
          { Sid: "Home", Effect: "Allow", Action: "s3:*", Resource: "arn:aws:s3:::b/home/${aws:username}/*" },
        ],
      };
      // Go's MarshalIndent with two spaces is the same text as JSON.stringify's for these values.
      assert.equal(g.outputs.json, JSON.stringify(expected, null, 2));
      assert.equal(g.outputs.minified, JSON.stringify(expected));
      assert.equal(g.outputs.id, String(crc32(g.outputs.json as string)));
    });

    it("source documents first, then the statements, then overrides, a Sid replacing its namesake", async () => {
      const source = JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          { Sid: "Shared", Effect: "Allow", Action: "s3:GetObject", Resource: "*" },
          { Effect: "Allow", Action: "logs:*", Resource: "*", Principal: { AWS: ["b", "a"] } },
        ],
      });
      const override = JSON.stringify({
        Statement: [
          { Sid: "Shared", Effect: "Deny", Action: "s3:*", Resource: "*" },
          {
            Sid: "Extra",
            Effect: "Allow",
            Action: "sqs:SendMessage",
            Resource: "*",
            Condition: { Bool: { "aws:SecureTransport": true } },
          },
        ],
      });
      const g = await synth(async () => {
        const doc = await getPolicyDocument({
          sourcePolicyDocuments: [source],
          overridePolicyDocuments: [override],
          statements: [{ sid: "Shared", actions: ["s3:PutObject"], resources: ["*"] }],
        });
        return { doc: JSON.parse(doc.minifiedJson) as unknown };
      });
      assert.deepEqual(g.outputs.doc, {
        Version: "2012-10-17",
        Statement: [
          { Sid: "Shared", Effect: "Deny", Action: "s3:*", Resource: "*" },
          // A source document's principal list is sorted on reading, then reverse-sorted on writing.
          { Effect: "Allow", Action: "logs:*", Resource: "*", Principal: { AWS: ["b", "a"] } },
          {
            Sid: "Extra",
            Effect: "Allow",
            Action: "sqs:SendMessage",
            Resource: "*",
            Condition: { Bool: { "aws:SecureTransport": "true" } },
          },
        ],
      });
    });

    it("HTML characters are escaped as Go escapes them; a Sid repeated across source documents fails the program", async () => {
      const g = await synth(async () => {
        const doc = await getPolicyDocument({
          statements: [{ actions: ["s3:GetObject"], resources: ["arn:aws:s3:::a&b<c>"] }],
        });
        return { json: doc.json };
      });
      assert.match(g.outputs.json as string, /"Resource": "arn:aws:s3:::a\\u0026b\\u003cc\\u003e"/);
      const dup = JSON.stringify({ Statement: [{ Sid: "X", Effect: "Allow", Action: "*", Resource: "*" }] });
      await assert.rejects(
        synth(async () => {
          await getPolicyDocument({ sourcePolicyDocuments: [dup, dup] });
        }),
        /duplicate Sid \(X\) in source_policy_documents/,
      );
    });

    it("the CRC-32 is the IEEE one Go's hash/crc32 computes", () => {
      assert.equal(crc32("The quick brown fox jumps over the lazy dog"), 0x414fa339);
      assert.equal(crc32(""), 0);
    });
  });

  it("public /aws/service SSM parameters are answered; an account's own parameter is incomplete, named", async () => {
    const g = await synth(
      async () => {
        const al2023 = await getParameter({
          name: "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64",
        });
        const ecs = await getParameter({ name: "/aws/service/ecs/optimized-ami/amazon-linux-2/recommended" });
        const own = await getParameter({ name: "/app/db-url" }).catch(() => undefined);
        return {
          al2023: al2023.value,
          ecs: JSON.parse(ecs.value).image_id as string,
          own: own?.value ?? "none",
        };
      },
      { config: { "aws:region": "eu-west-1" } },
    );
    assert.match(g.outputs.al2023 as string, /^ami-[0-9a-f]{17}$/);
    assert.match(g.outputs.ecs as string, /^ami-[0-9a-f]{17}$/);
    assert.deepEqual(
      g.incomplete.map((i) => [i.kind, i.type]),
      [["invoke", "aws:ssm/getParameter:getParameter"]],
    );
    assert.match(g.incomplete[0].reason, /\/app\/db-url lives in the account/);
  });

  it("the default VPC and its default subnets: one per zone, 172.31.0.0/16, public IPs on launch", async () => {
    const g = await synth(
      async () => {
        const vpc = await getVpc({ default: true });
        const subnets = await getSubnets({ filters: [{ name: "vpc-id", values: [vpc.id] }] });
        const first = await getSubnet({ id: subnets.ids[0] });
        return { vpc: vpc.id, cidr: vpc.cidrBlock, ids: subnets.ids, first: { ...first } };
      },
      { config: { "aws:region": "eu-west-1" } },
    );
    assert.match(g.outputs.vpc as string, /^vpc-[0-9a-f]{17}$/);
    assert.equal(g.outputs.cidr, "172.31.0.0/16");
    const ids = g.outputs.ids as string[];
    assert.equal(new Set(ids).size, 3);
    for (const id of ids) assert.match(id, /^subnet-[0-9a-f]{17}$/);
    const first = g.outputs.first as Record<string, unknown>;
    assert.equal(first.vpcId, g.outputs.vpc);
    assert.equal(first.availabilityZone, "eu-west-1a");
    assert.equal(first.cidrBlock, "172.31.0.0/20");
    assert.equal(first.mapPublicIpOnLaunch, true);
    assert.deepEqual(g.incomplete, []);
  });

  it("route53 zones, ELB log accounts, GKE versions, project numbers and service agents", async () => {
    const g = await synth(
      async () => {
        const zone = await getZone({ name: "example.com." });
        const elb = await getServiceAccount({});
        const gke = await getEngineVersions({ location: "us-central1", versionPrefix: "1.32." });
        const project = await getProject({});
        const gcs = await getProjectServiceAccount({});
        return {
          zone: { ...zone },
          elb: elb.arn,
          gke: gke.latestMasterVersion,
          number: project.number,
          gcs: gcs.emailAddress,
        };
      },
      { config: { "aws:region": "eu-west-1", "gcp:project": "acme-prod" } },
    );
    const zone = g.outputs.zone as Record<string, unknown>;
    assert.equal(zone.name, "example.com");
    assert.match(zone.zoneId as string, /^Z0[0-9A-F]{19}$/);
    assert.equal((zone.nameServers as string[]).length, 4);
    assert.equal(g.outputs.elb, "arn:aws:iam::156460612806:root");
    assert.match(g.outputs.gke as string, /^1\.32\.\d+-gke\.\d+$/);
    assert.match(g.outputs.number as string, /^\d{12}$/);
    assert.equal(
      g.outputs.gcs,
      `service-${g.outputs.number as string}@gs-project-accounts.iam.gserviceaccount.com`,
    );
  });

  it("Azure keys reach the program as secrets, and flow on as secrets into the resources that take them", async () => {
    const g = await synth(async () => {
      const keys = listStorageAccountKeysOutput({ accountName: "acct", resourceGroupName: "rg" });
      const plain = await listStorageAccountKeys({ accountName: "acct", resourceGroupName: "rg" });
      new Sink("app", { key: keys.keys[0].value });
      return { count: plain.keys.length, secret: await new Promise((r) => pulumi.isSecret(keys).then(r)) };
    });
    assert.equal(g.outputs.count, 2);
    const key = new GraphQuery(g).one("test:index:Sink", "app").inputs.key as Record<string, unknown>;
    assert.ok(SECRET_SIG_KEY in key, "the key arrives wrapped as a secret");
    assert.match(String(key.value), /^[A-Za-z0-9+/]{86}==$/);
  });

  it("covers the head of the public ranking: every invoke two or more programs make is answered", () => {
    const missing = INVOKE_RANKING.filter((r) => !DEFAULT_INVOKES[r.token]).map((r) => r.token);
    assert.deepEqual(missing, []);
  });

  it("every answered token is an invoke the installed SDKs define", () => {
    const modules: Record<string, string> = {};
    for (const a of OFFLINE_ANSWERS) {
      const [pkg, mod, fn] = a.token.split(":");
      if (pkg === "kubernetes") continue;
      const dir = path.dirname(require.resolve(`@pulumi/${pkg}/package.json`));
      const module = mod.split("/")[0] === "index" ? "" : mod.split("/")[0];
      const file = path.join(dir, module, `${fn.split("/").pop()}.js`);
      modules[a.token] = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
    }
    const unknown = Object.entries(modules)
      .filter(([token, text]) => !text.includes(`"${token}"`))
      .map(([token]) => token);
    assert.deepEqual(unknown, []);
  });
});
