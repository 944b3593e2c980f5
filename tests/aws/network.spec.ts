// Network: the VPC child set per profile, CIDR plan, NAT layouts, locked default group, encrypted flow
// logs, gateway endpoints, weakening, provider propagation and bad input.
import * as assert from "assert";
import { EncryptionKey, Network } from "../../components/aws";
import { ENVIRONMENTS } from "../../components/core";
import { CreationOrder } from "../../engine/ordering";
import { assertTagged, inputs, json, protectedNames, rejectsInputs, run, synthViaProvider } from "./helpers";

const C = "groundwork:aws:Network";
const E = "aws:ec2/";

/**
 * The child set of Network "core" spanning `zones` zones with `nats` NAT gateways, written out by rule;
 * `endpoints` are the interface endpoint ids (`ecr-api`), with their security group and HTTPS rule.
 */
function expectedInventory(
  zones: number,
  nats: number,
  routedPrivate: boolean,
  endpoints: readonly string[] = [],
): string[] {
  const out = [
    `${E}vpc:Vpc::core-vpc`,
    `${E}defaultSecurityGroup:DefaultSecurityGroup::core-default-sg`,
    `${E}internetGateway:InternetGateway::core-igw`,
    `${E}routeTable:RouteTable::core-public-rt`,
    `${E}route:Route::core-public-default-route`,
    `${E}routeTable:RouteTable::core-isolated-rt`,
    `${E}vpcEndpoint:VpcEndpoint::core-s3-endpoint`,
    `${E}vpcEndpoint:VpcEndpoint::core-dynamodb-endpoint`,
    `${E}flowLog:FlowLog::core-flow-log`,
    "aws:cloudwatch/logGroup:LogGroup::core-flow-logs",
    "aws:iam/role:Role::core-flow-logs-role",
    "aws:iam/rolePolicy:RolePolicy::core-flow-logs-policy",
    "groundwork:aws:EncryptionKey::core-key",
    "aws:kms/key:Key::core-key-cmk",
    "aws:kms/alias:Alias::core-key-alias",
  ];
  for (let z = 0; z < zones; z++) {
    for (const tier of ["public", "private", "isolated"]) {
      out.push(
        `${E}subnet:Subnet::core-${tier}-${z}`,
        `${E}routeTableAssociation:RouteTableAssociation::core-${tier}-${z}-rta`,
      );
    }
    out.push(`${E}routeTable:RouteTable::core-private-rt-${z}`);
    if (routedPrivate) out.push(`${E}route:Route::core-private-${z}-default-route`);
  }
  for (let n = 0; n < nats; n++)
    out.push(`${E}eip:Eip::core-nat-${n}-eip`, `${E}natGateway:NatGateway::core-nat-${n}`);
  if (endpoints.length > 0)
    out.push(
      `${E}securityGroup:SecurityGroup::core-endpoints-sg`,
      "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule::core-endpoints-https",
      ...endpoints.map((id) => `${E}vpcEndpoint:VpcEndpoint::core-${id}-endpoint`),
    );
  return out.sort();
}

/** The interface endpoints a Network without NAT makes by default: what a Fargate task needs to start. */
const FARGATE_ENDPOINTS = ["ecr-api", "ecr-dkr", "logs", "secretsmanager", "ssm"];

const PROFILE_SHAPE = {
  dev: { zones: 2, nats: 1 },
  staging: { zones: 2, nats: 2 },
  prod: { zones: 3, nats: 3 },
} as const;

describe("aws.Network", () => {
  for (const environment of ENVIRONMENTS) {
    describe(environment, () => {
      let q: Awaited<ReturnType<typeof run>>["q"];
      let root: string;
      before(async () => {
        ({ q } = await run(
          () => {
            new Network("core", { environment });
          },
          { config: { "aws:region": "eu-west-1" } },
        ));
        root = q.one(C, "core").urn;
      });
      const { zones, nats } = PROFILE_SHAPE[environment];

      it(`registers exactly the expected children (${zones} zones, ${nats} NAT)`, () => {
        assert.deepStrictEqual(q.inventory(root), expectedInventory(zones, nats, true));
      });

      it("plans subnets from one block, one per zone, in distinct zones, no public IP on launch", () => {
        const cidrs: Record<string, string[]> = { public: [], private: [], isolated: [] };
        for (const tier of Object.keys(cidrs)) {
          const azs = new Set<string>();
          for (let z = 0; z < zones; z++) {
            const s = inputs(q, `${E}subnet:Subnet`, `core-${tier}-${z}`);
            cidrs[tier].push(s.cidrBlock as string);
            azs.add(s.availabilityZone as string);
            assert.strictEqual(s.mapPublicIpOnLaunch, false);
            assert.strictEqual((s.tags as Record<string, string>)["groundwork-tier"], tier);
          }
          assert.strictEqual(azs.size, zones);
        }
        assert.deepStrictEqual(cidrs.private.slice(0, 2), ["10.0.0.0/19", "10.0.32.0/19"]);
        assert.deepStrictEqual(cidrs.public.slice(0, 2), ["10.0.128.0/21", "10.0.136.0/21"]);
        assert.deepStrictEqual(cidrs.isolated.slice(0, 2), ["10.0.160.0/21", "10.0.168.0/21"]);
        assert.strictEqual(inputs(q, `${E}subnet:Subnet`, "core-public-0").availabilityZone, "eu-west-1a");
        assert.strictEqual(inputs(q, `${E}vpc:Vpc`, "core-vpc").cidrBlock, "10.0.0.0/16");
      });

      it("routes: public via the IGW, private via NAT, isolated nowhere", () => {
        const igw = q.one(`${E}internetGateway:InternetGateway`, "core-igw").urn;
        const pub = q.one(`${E}route:Route`, "core-public-default-route");
        assert.strictEqual(pub.inputs.destinationCidrBlock, "0.0.0.0/0");
        assert.deepStrictEqual(pub.propertyDependencies.gatewayId, [igw]);
        for (let z = 0; z < zones; z++) {
          const r = q.one(`${E}route:Route`, `core-private-${z}-default-route`);
          const nat = q.one(`${E}natGateway:NatGateway`, `core-nat-${Math.min(z, nats - 1)}`).urn;
          assert.deepStrictEqual(r.propertyDependencies.natGatewayId, [nat]);
        }
        const isolatedRt = q.one(`${E}routeTable:RouteTable`, "core-isolated-rt").urn;
        assert.ok(
          !q.ofType(`${E}route:Route`).some((r) => r.propertyDependencies.routeTableId?.includes(isolatedRt)),
        );
      });

      it("manages the default security group with no rules [CKV2_AWS_12]", () => {
        const sg = inputs(q, `${E}defaultSecurityGroup:DefaultSecurityGroup`, "core-default-sg");
        assert.deepStrictEqual([sg.ingress, sg.egress], [[], []]);
      });

      it("sends ALL flow logs to a KMS-encrypted log group with the profile's retention [CKV2_AWS_11]", () => {
        const fl = q.one(`${E}flowLog:FlowLog`, "core-flow-log");
        assert.strictEqual(fl.inputs.trafficType, "ALL");
        assert.strictEqual(fl.inputs.logDestinationType, "cloud-watch-logs");
        assert.deepStrictEqual(fl.propertyDependencies.logDestination, [
          q.one("aws:cloudwatch/logGroup:LogGroup", "core-flow-logs").urn,
        ]);
        const group = inputs(q, "aws:cloudwatch/logGroup:LogGroup", "core-flow-logs");
        assert.strictEqual(group.retentionInDays, { dev: 30, staging: 90, prod: 365 }[environment]);
        assert.strictEqual(group.kmsKeyId, q.one("aws:kms/key:Key", "core-key-cmk").outputs.arn);
        const keyPolicy = json<{ Statement: { Principal: { Service?: string } }[] }>(
          q,
          "aws:kms/key:Key",
          "core-key-cmk",
          "policy",
        );
        assert.ok(keyPolicy.Statement.some((s) => s.Principal.Service === "logs.eu-west-1.amazonaws.com"));
        const trust = json<{ Statement: { Principal: unknown }[] }>(
          q,
          "aws:iam/role:Role",
          "core-flow-logs-role",
          "assumeRolePolicy",
        );
        assert.deepStrictEqual(trust.Statement[0].Principal, { Service: "vpc-flow-logs.amazonaws.com" });
        const write = json<{ Statement: { Resource: string[]; Action: string[] }[] }>(
          q,
          "aws:iam/rolePolicy:RolePolicy",
          "core-flow-logs-policy",
          "policy",
        );
        assert.ok(!write.Statement[0].Resource.includes("*"));
      });

      it("adds S3 and DynamoDB gateway endpoints on the private and isolated route tables", () => {
        for (const service of ["s3", "dynamodb"]) {
          const ep = q.one(`${E}vpcEndpoint:VpcEndpoint`, `core-${service}-endpoint`);
          assert.strictEqual(ep.inputs.vpcEndpointType, "Gateway");
          assert.strictEqual(ep.inputs.serviceName, `com.amazonaws.eu-west-1.${service}`);
          const rts = [...Array(zones).keys()].map(
            (z) => q.one(`${E}routeTable:RouteTable`, `core-private-rt-${z}`).outputs.id,
          );
          rts.push(q.one(`${E}routeTable:RouteTable`, "core-isolated-rt").outputs.id);
          assert.deepStrictEqual(ep.inputs.routeTableIds, rts);
        }
      });

      it("tags every taggable child", () => {
        assertTagged(q, root, environment, "aws.Network");
      });

      it(`protects the key and log group ${environment === "prod" ? "in prod" : "only in prod"}`, () => {
        assert.deepStrictEqual(
          protectedNames(q, root),
          environment === "prod" ? ["core-flow-logs", "core-key-cmk"] : [],
        );
      });
    });
  }

  it("natGateways none: no NAT, no private default route, interface endpoints instead; explicit zones and CIDR", async () => {
    const { q, graph } = await run(() => {
      const n = new Network("core", { natGateways: "none", zones: 3, cidrBlock: "10.20.0.0/20" });
      return {
        private: n.privateSubnetIds,
        isolated: n.isolatedSubnetIds,
        nat: n.natGateways,
        endpoints: n.interfaceEndpoints,
      };
    });
    assert.deepStrictEqual(
      q.inventory(q.one(C, "core").urn),
      expectedInventory(3, 0, false, FARGATE_ENDPOINTS),
    );
    assert.strictEqual(inputs(q, `${E}subnet:Subnet`, "core-private-2").cidrBlock, "10.20.4.0/23");
    assert.strictEqual((graph.outputs.private as string[]).length, 3);
    assert.strictEqual(graph.outputs.nat, "none");
    assert.deepStrictEqual(graph.outputs.endpoints, ["ecr.api", "ecr.dkr", "logs", "secretsmanager", "ssm"]);
    // Each endpoint sits in every private subnet with private DNS, behind a group that takes HTTPS from the VPC.
    const sg = q.one(`${E}securityGroup:SecurityGroup`, "core-endpoints-sg");
    for (const id of FARGATE_ENDPOINTS) {
      const ep = inputs(q, `${E}vpcEndpoint:VpcEndpoint`, `core-${id}-endpoint`);
      assert.strictEqual(ep.vpcEndpointType, "Interface");
      assert.strictEqual(ep.privateDnsEnabled, true);
      assert.strictEqual(ep.serviceName, `com.amazonaws.us-east-1.${id.replace("-", ".")}`);
      assert.deepStrictEqual(ep.subnetIds, graph.outputs.private);
      assert.deepStrictEqual(ep.securityGroupIds, [sg.outputs.id]);
    }
    const https = inputs(
      q,
      "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
      "core-endpoints-https",
    );
    assert.deepStrictEqual(
      [https.cidrIpv4, https.fromPort, https.toPort, https.ipProtocol],
      ["10.20.0.0/20", 443, 443, "tcp"],
    );
  });

  it("interface endpoints are chosen by name, with or without NAT; none by default with NAT", async () => {
    const { q } = await run(() => {
      new Network("core", { interfaceEndpoints: ["sts", "kms"] });
      new Network("edge", { natGateways: "none", interfaceEndpoints: [] });
    });
    assert.deepStrictEqual(q.inventory(q.one(C, "core").urn), expectedInventory(2, 1, true, ["sts", "kms"]));
    assert.ok(
      !q
        .ofType(`${E}vpcEndpoint:VpcEndpoint`)
        .some((r) => /^edge-.*-endpoint$/.test(r.name) && r.inputs.vpcEndpointType === "Interface"),
    );
    const dev = await run(() => {
      new Network("core");
    });
    assert.ok(!dev.q.ofType(`${E}securityGroup:SecurityGroup`).some((r) => r.name === "core-endpoints-sg"));
  });

  it("the flow log waits for its role's policy (the first deliveries fail without it)", async () => {
    const { q, graph } = await run(() => {
      new Network("core");
    });
    const order = new CreationOrder(graph);
    assert.ok(
      order.waitsFor(
        q.one(`${E}flowLog:FlowLog`, "core-flow-log").urn,
        q.one("aws:iam/rolePolicy:RolePolicy", "core-flow-logs-policy").urn,
      ),
    );
  });

  it("refuses a region AWS does not have, naming the nearest, before anything is created there", async () => {
    await assert.rejects(
      run(
        () => {
          new Network("core", { flowLogs: false });
        },
        { config: { "aws:region": "eu-west-99" } },
      ),
      /invalid AWS Region: eu-west-99|region "eu-west-99" is not a known AWS region \(did you mean "eu-west-[123]"\?\)/,
    );
  });

  it("flowLogs false is a named weakening, visible in tags and outputs", async () => {
    const { q, graph } = await run(() =>
      new Network("core", { flowLogs: false }).weakened.apply((w) => ({ weakened: w })),
    );
    const inv = q.inventory(q.one(C, "core").urn);
    assert.ok(!inv.some((i) => /flow|kms|EncryptionKey/.test(i)));
    assert.strictEqual(
      (inputs(q, `${E}vpc:Vpc`, "core-vpc").tags as Record<string, string>)["groundwork-weakened"],
      "flowLogs",
    );
    assert.deepStrictEqual(graph.outputs.weakened, ["flowLogs"]);
  });

  it("uses a given key for the flow log group", async () => {
    const { q } = await run(() => {
      const key = new EncryptionKey("shared", { services: ["logs"] });
      new Network("core", { encryptionKey: key });
    });
    assert.ok(!q.inventory(q.one(C, "core").urn).some((i) => i.includes("EncryptionKey")));
    assert.strictEqual(
      inputs(q, "aws:cloudwatch/logGroup:LogGroup", "core-flow-logs").kmsKeyId,
      q.one("aws:kms/key:Key", "shared-cmk").outputs.arn,
    );
  });

  it("an explicit provider reaches every child and invoke (zones come from its region)", async () => {
    const build = (opts: object) => new Network("core", { environment: "prod" }, opts);
    const q = await synthViaProvider([C, "core"], ["frankfurt", "eu-central-1"], build, {
      stack: "prod",
    });
    assert.strictEqual(inputs(q, `${E}subnet:Subnet`, "core-private-2").availabilityZone, "eu-central-1c");
  });

  rejectsInputs("aws.Network", [
    [
      () => new Network("n", { cidrBlock: "10.0.0.0/33" }),
      "cidrBlock",
      '"10.0.0.0/33"',
      "a.b.c.d/n with n between 16 and 22",
      "cidrBlock not a CIDR",
    ],
    [
      () => new Network("n", { cidrBlock: "10.0.1.0/16" }),
      "cidrBlock",
      '"10.0.1.0/16"',
      "the network address 10.0.0.0/16",
      "cidrBlock with host bits",
    ],
    [() => new Network("n", { zones: 1 }), "zones", "1", "an integer from 2 to 4"],
    [
      () => new Network("n", { natGateways: "multi" as never }),
      "natGateways",
      '"multi"',
      /"none", "single", "perAz"/,
    ],
    [() => new Network("n", { logRetentionDays: 0 }), "logRetentionDays", "0", /one of 1, 3/],
    [
      () => new Network("n", { flowLogs: "no" as never }),
      "flowLogs",
      '"no"',
      "true or false",
      "flowLogs not a boolean",
    ],
  ]);
});
