// The Google Cloud rules of issues #21 and #27: firewall policies judged like VPC firewall rules, public IAM on
// every data service, basic roles, Cloud Functions like Cloud Run, plaintext secrets in serverless env, CMEK on
// every data store (with the one key knob) and GKE; passing and failing programs, and preview cases.
import * as bigquery from "@pulumi/gcp/bigquery";
import * as compute from "@pulumi/gcp/compute";
import * as kms from "@pulumi/gcp/kms";
import * as projects from "@pulumi/gcp/projects";
import * as secretmanager from "@pulumi/gcp/secretmanager";
import { cloudFunction, cryptoKey, dataset, gkeCluster, runService, sqlInstance, topic } from "./gcp-kit";
import { passesInPreview, ruleCases, undecidedInPreview } from "./rule-cases";

/** A hierarchical firewall policy rule with the given match. */
function policyRule(match: compute.FirewallPolicyRuleArgs["match"], action = "allow"): () => void {
  return () =>
    void new compute.FirewallPolicyRule("r", {
      firewallPolicy: "locations/global/firewallPolicies/123",
      priority: 100,
      direction: "INGRESS",
      action,
      enableLogging: true,
      match,
    });
}

describe("Google Cloud rules: firewall policies", function () {
  this.timeout(60_000);
  ruleCases([
    {
      policy: "gcp-firewall-no-public-admin-ports",
      title: "a hierarchical policy rule allowing RDP from ::/0",
      program: policyRule({ srcIpRanges: ["::/0"], layer4Configs: [{ ipProtocol: "tcp", ports: ["3389"] }] }),
      fail: /match\.layer4Configs\[0\] opens 3389 \(RDP\) to ::\/0/,
    },
    {
      policy: "gcp-firewall-no-public-admin-ports",
      title: "the same rule denying, and one allowing SSH from IAP's range",
      program: () => {
        policyRule(
          { srcIpRanges: ["0.0.0.0/0"], layer4Configs: [{ ipProtocol: "tcp", ports: ["22"] }] },
          "deny",
        )();
        new compute.FirewallPolicyRule("iap", {
          firewallPolicy: "locations/global/firewallPolicies/123",
          priority: 200,
          direction: "INGRESS",
          action: "allow",
          enableLogging: true,
          match: { srcIpRanges: ["35.235.240.0/20"], layer4Configs: [{ ipProtocol: "tcp", ports: ["22"] }] },
        });
      },
    },
    {
      policy: "gcp-firewall-no-public-admin-ports",
      title: "an inline rule of a network policy with rules opening every port",
      program: () =>
        void new compute.NetworkFirewallPolicyWithRules("edge", {
          rules: [
            {
              priority: 10,
              action: "allow",
              direction: "INGRESS",
              ruleName: "web",
              match: { srcIpRanges: ["0.0.0.0/0"], layer4Configs: [{ ipProtocol: "tcp", ports: ["443"] }] },
            },
            {
              priority: 20,
              action: "allow",
              direction: "INGRESS",
              ruleName: "all",
              match: { srcIpRanges: ["0.0.0.0/0"], layer4Configs: [{ ipProtocol: "all" }] },
            },
          ],
        }),
      fail: /rules\[1\] \(all\)\.match\.layer4Configs\[0\] opens 22 \(SSH\)/,
    },
    {
      policy: "gcp-firewall-logging",
      title: "a policy rule without logging",
      program: () =>
        void new compute.NetworkFirewallPolicyRule("r", {
          firewallPolicy: "edge",
          priority: 100,
          direction: "INGRESS",
          action: "allow",
          match: { srcIpRanges: ["10.0.0.0/8"], layer4Configs: [{ ipProtocol: "tcp", ports: ["443"] }] },
        }),
      fail: /enableLogging is not true/,
    },
  ]);
  undecidedInPreview("gcp-firewall-no-public-admin-ports", "source ranges from an Output", () => {
    const key = cryptoKey("k");
    new compute.FirewallPolicyRule("r", {
      firewallPolicy: "locations/global/firewallPolicies/123",
      priority: 100,
      direction: "INGRESS",
      action: "allow",
      enableLogging: true,
      match: {
        srcIpRanges: [key.id.apply(() => "0.0.0.0/0")],
        layer4Configs: [{ ipProtocol: "tcp", ports: ["22"] }],
      },
    });
  });
});

describe("Google Cloud rules: IAM on services, basic roles, Cloud Functions", function () {
  this.timeout(60_000);
  ruleCases([
    {
      policy: "gcp-iam-no-public-access",
      title: "a secret readable by allAuthenticatedUsers",
      program: () =>
        void new secretmanager.SecretIamMember("s", {
          secretId: "db",
          role: "roles/secretmanager.secretAccessor",
          member: "allAuthenticatedUsers",
        }),
      fail: /grants roles\/secretmanager\.secretAccessor to allAuthenticatedUsers/,
    },
    {
      policy: "gcp-iam-no-public-access",
      title: "a dataset ACL entry for allAuthenticatedUsers",
      program: () =>
        void new bigquery.DatasetAccess("a", {
          datasetId: "sales",
          role: "READER",
          specialGroup: "allAuthenticatedUsers",
        }),
      fail: /dataset access grants READER to allAuthenticatedUsers/,
    },
    {
      policy: "gcp-iam-no-public-access",
      title: "a key decrypter granted to a service account",
      program: () =>
        void new kms.CryptoKeyIAMMember("k", {
          cryptoKeyId: cryptoKey("k").id,
          role: "roles/cloudkms.cryptoKeyEncrypterDecrypter",
          member: "serviceAccount:app@acme.iam.gserviceaccount.com",
        }),
    },
    {
      policy: "gcp-iam-no-basic-roles",
      title: "a predefined role on the project",
      program: () =>
        void new projects.IAMMember("m", {
          project: "acme",
          role: "roles/run.developer",
          member: "group:devs@acme.com",
        }),
    },
    {
      policy: "gcp-iam-no-basic-roles",
      title: "Owner in a binding, with a break-glass member allowed",
      program: () =>
        void new projects.IAMBinding("b", {
          project: "acme",
          role: "roles/owner",
          members: ["group:break-glass@acme.com", "user:dev@acme.com"],
        }),
      config: { "gcp-iam-no-basic-roles": { allowedMembers: ["group:break-glass@acme.com"] } },
      fail: /^(?![\s\S]*break-glass)[\s\S]*grants the basic role roles\/owner to user:dev@acme\.com/,
    },
    {
      policy: "gcp-functions-ingress-restricted",
      title: "internal and load balancer",
      program: () => void cloudFunction("fn"),
    },
    {
      policy: "gcp-functions-ingress-restricted",
      title: "ALLOW_ALL (the default)",
      program: () => void cloudFunction("fn", { ingressSettings: undefined }),
      fail: /ingressSettings is "ALLOW_ALL": the function is reachable from the internet/,
    },
  ]);
});

describe("Google Cloud rules: plaintext secrets and CMEK", function () {
  this.timeout(60_000);
  ruleCases([
    {
      policy: "gcp-serverless-no-plaintext-secrets",
      title: "a Secret Manager reference in Cloud Run, a resource name in a function",
      program: () => {
        runService("web", {
          template: {
            serviceAccount: "web@acme.iam.gserviceaccount.com",
            encryptionKey: "projects/acme/locations/europe-west1/keyRings/r/cryptoKeys/k",
            containers: [
              {
                image: "europe-docker.pkg.dev/acme/web/web:1.2.3",
                envs: [
                  { name: "DB_PASSWORD", valueSource: { secretKeyRef: { secret: "db", version: "latest" } } },
                ],
              },
            ],
          },
        });
        cloudFunction("fn", {
          environmentVariables: { API_TOKEN: "projects/acme/secrets/token/versions/latest" },
        });
      },
    },
    {
      policy: "gcp-serverless-no-plaintext-secrets",
      title: "a literal API key in a function",
      program: () => void cloudFunction("fn", { environmentVariables: { STRIPE_API_KEY: "sk_live_123" } }),
      fail: /environment variable STRIPE_API_KEY \(serviceConfig\.environmentVariables\) holds a literal value/,
    },
    {
      policy: "gcp-sql-cmek",
      title: "a Google-managed key, with customerManagedKey: false",
      program: () => void sqlInstance("db", { args: { encryptionKeyName: undefined } }),
      config: { "gcp-sql-cmek": { customerManagedKey: false } },
    },
    {
      policy: "gcp-bigquery-cmek",
      title: "a dataset outside the environments that need a key",
      program: () => void dataset("sales", { defaultEncryptionConfiguration: undefined }),
      config: { "gcp-bigquery-cmek": { environments: ["prod"] } },
    },
    {
      policy: "gcp-pubsub-cmek",
      title: "a topic under Google's key",
      program: () => void topic("events", { kmsKeyName: undefined }),
      fail: /kmsKeyName is not set: data is encrypted under a Google-managed key; set customerManagedKey: false/,
    },
    {
      policy: "gcp-gke-network-policy",
      title: "neither Dataplane V2 nor the add-on",
      program: () => void gkeCluster("c", { datapathProvider: undefined }),
      fail: /NetworkPolicies are not enforced/,
    },
    {
      policy: "gcp-gke-network-policy",
      title: "the Calico add-on",
      program: () => void gkeCluster("c", { datapathProvider: undefined, networkPolicy: { enabled: true } }),
    },
  ]);
  passesInPreview(
    "gcp-pubsub-cmek",
    "a key created in the same program (unknown id)",
    () => void topic("events"),
  );
  undecidedInPreview("gcp-serverless-no-plaintext-secrets", "a secret-named variable from an Output", () => {
    const k = cryptoKey("k");
    cloudFunction("fn", { environmentVariables: { DB_PASSWORD: k.id.apply(() => "hunter2") } });
  });
});
