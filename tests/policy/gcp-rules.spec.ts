// The Google Cloud rules (issue #11): for each, programs that pass and programs that fail, edge cases
// included, and what a rule says while its decisive value is unknown in preview. The corpus (corpus/gcp-*)
// holds one failing program per rule; these add the passing side and the edges.
import * as pulumi from "@pulumi/pulumi";
import * as cloudrun from "@pulumi/gcp/cloudrun";
import * as cloudrunv2 from "@pulumi/gcp/cloudrunv2";
import * as compute from "@pulumi/gcp/compute";
import * as storage from "@pulumi/gcp/storage";
import { passesInPreview, ruleCases, undecidedInPreview } from "./rule-cases";
import {
  bucket,
  cryptoKey,
  firewall,
  gkeCluster,
  network,
  plainBucket,
  runService,
  serviceAccount,
  sqlInstance,
  subnetwork,
  vm,
} from "./gcp-kit";

const STORAGE_RULES = [
  "gcp-storage-public-access-prevention",
  "gcp-storage-uniform-access",
  "gcp-storage-versioning",
  "gcp-storage-cmek",
  "gcp-storage-soft-delete",
  "gcp-storage-access-logging",
];
const SQL_RULES = [
  "gcp-sql-no-public-ip",
  "gcp-sql-no-open-authorized-networks",
  "gcp-sql-ssl-required",
  "gcp-sql-backups",
  "gcp-sql-cmek",
  "gcp-sql-postgres-connection-logging",
];
const COMPUTE_RULES = [
  "gcp-compute-no-public-ip",
  "gcp-compute-no-default-sa-full-access",
  "gcp-compute-no-default-service-account",
  "gcp-compute-no-serial-port",
  "gcp-compute-shielded-vm",
];

/** The hardened kit resource passes every rule of its service. */
function kitPasses(policies: readonly string[], title: string, program: () => void) {
  return policies.map((policy) => ({ policy, title, program }));
}

/** A v1 (Knative-shaped) Cloud Run service; each setting can be left out to test its rule. */
function runServiceV1(
  name: string,
  set: { ingress?: string; serviceAccountName?: string; encryptionKey?: string } = {},
): cloudrun.Service {
  const defaults = {
    ingress: "internal-and-cloud-load-balancing",
    serviceAccountName: "web@acme.iam.gserviceaccount.com",
    encryptionKey: "projects/acme/locations/europe-west1/keyRings/run/cryptoKeys/web",
  };
  const v = { ...defaults, ...set };
  const drop = (o: Record<string, string | undefined>): Record<string, string> =>
    Object.fromEntries(Object.entries(o).filter(([, x]) => x !== undefined)) as Record<string, string>;
  return new cloudrun.Service(name, {
    location: "europe-west1",
    metadata: { annotations: drop({ "run.googleapis.com/ingress": v.ingress }) },
    template: {
      metadata: { annotations: drop({ "run.googleapis.com/encryption-key": v.encryptionKey }) },
      spec: {
        serviceAccountName: v.serviceAccountName,
        containers: [{ image: "europe-docker.pkg.dev/acme/web/web:1.2.3" }],
      },
    },
  });
}

describe("Google Cloud rules: storage", function () {
  this.timeout(60_000);
  ruleCases([
    ...kitPasses(
      [...STORAGE_RULES, "gcp-storage-no-public-access"],
      "the hardened bucket and its log bucket",
      () => {
        bucket("assets");
      },
    ),
    {
      policy: "gcp-storage-no-public-access",
      title: "a viewer role for a named group",
      program: () => {
        const b = bucket("assets");
        new storage.BucketIAMMember("assets-team", {
          bucket: b.name,
          role: "roles/storage.objectViewer",
          member: "group:team@example.com",
        });
      },
    },
    {
      policy: "gcp-storage-no-public-access",
      title: "a BucketIAMPolicy document with an allUsers binding",
      fail: /roles\/storage.objectViewer to allUsers/,
      program: () => {
        const b = bucket("assets");
        new storage.BucketIAMPolicy("assets-policy", {
          bucket: b.name,
          policyData: JSON.stringify({
            bindings: [{ role: "roles/storage.objectViewer", members: ["allUsers"] }],
          }),
        });
      },
    },
    {
      policy: "gcp-storage-no-public-access",
      title: "a legacy BucketAccessControl for allUsers",
      fail: /ACL grants to allUsers/,
      program: () => {
        const b = bucket("assets");
        new storage.BucketAccessControl("assets-acl", { bucket: b.name, role: "READER", entity: "allUsers" });
      },
    },
    {
      policy: "gcp-storage-no-public-access",
      title: "a predefined publicRead BucketACL",
      fail: /predefined ACL "publicRead"/,
      program: () => {
        const b = bucket("assets");
        new storage.BucketACL("assets-acl", { bucket: b.name, predefinedAcl: "publicRead" });
      },
    },
    {
      policy: "gcp-storage-access-logging",
      title: "a bucket logging to itself",
      fail: /logs access to itself/,
      program: () =>
        void plainBucket("assets", { name: "acme-assets", logging: { logBucket: "acme-assets" } }),
    },
    {
      policy: "gcp-storage-soft-delete",
      title: "soft delete switched off",
      fail: /retentionDurationSeconds is 0/,
      program: () => void bucket("assets", { softDeletePolicy: { retentionDurationSeconds: 0 } }),
    },
    {
      policy: "gcp-storage-cmek",
      title: "Google-managed encryption",
      fail: /no encryption.defaultKmsKeyName/,
      program: () => void bucket("assets", { encryption: undefined }),
    },
  ]);
  undecidedInPreview("gcp-storage-no-public-access", "a member computed from another resource", () => {
    const b = bucket("assets");
    new storage.BucketIAMMember("assets-member", {
      bucket: b.name,
      role: "roles/storage.objectViewer",
      member: serviceAccount("reader").id.apply(() => "allUsers"),
    });
  });
  passesInPreview("gcp-storage-access-logging", "a log bucket named by an unknown name", () => {
    bucket("assets");
  });
  passesInPreview("gcp-storage-cmek", "a key id unknown until the key exists", () => {
    bucket("assets");
  });
});

describe("Google Cloud rules: network and KMS", function () {
  this.timeout(60_000);
  ruleCases([
    ...kitPasses(
      ["gcp-network-custom-mode", "gcp-subnet-flow-logs", "gcp-subnet-private-google-access"],
      "a custom-mode network and a logged subnet with Private Google Access",
      () => void subnetwork("app", network("core")),
    ),
    ...kitPasses(
      ["gcp-firewall-no-public-admin-ports", "gcp-firewall-logging"],
      "SSH from the internal range, logged",
      () => void firewall("ssh", network("core")),
    ),
    {
      policy: "gcp-firewall-no-public-admin-ports",
      title: "HTTPS from anywhere",
      program: () =>
        void firewall("https", network("core"), {
          allows: [{ protocol: "tcp", ports: ["443"] }],
          sourceRanges: ["0.0.0.0/0"],
        }),
    },
    {
      policy: "gcp-firewall-no-public-admin-ports",
      title: "a disabled rule from anywhere",
      program: () => void firewall("off", network("core"), { sourceRanges: ["0.0.0.0/0"], disabled: true }),
    },
    {
      policy: "gcp-firewall-no-public-admin-ports",
      title: "an egress rule to anywhere",
      program: () =>
        void firewall("out", network("core"), {
          direction: "EGRESS",
          sourceRanges: undefined,
          destinationRanges: ["0.0.0.0/0"],
        }),
    },
    {
      policy: "gcp-firewall-no-public-admin-ports",
      title: "SSH from instances with a source tag only",
      program: () =>
        void firewall("tagged", network("core"), { sourceRanges: undefined, sourceTags: ["bastion"] }),
    },
    {
      policy: "gcp-firewall-no-public-admin-ports",
      title: "a port range covering SSH from ::/0",
      fail: /22 \(SSH\) to ::\/0/,
      program: () =>
        void firewall("range", network("core"), {
          allows: [{ protocol: "tcp", ports: ["20-25"] }],
          sourceRanges: ["::/0"],
        }),
    },
    {
      policy: "gcp-firewall-no-public-admin-ports",
      title: "PostgreSQL from anywhere",
      fail: /5432 \(PostgreSQL\)/,
      program: () =>
        void firewall("pg", network("core"), {
          allows: [{ protocol: "tcp", ports: ["5432"] }],
          sourceRanges: ["0.0.0.0/0"],
        }),
    },
    {
      policy: "gcp-firewall-logging",
      title: "a rule without logConfig",
      fail: /firewall logging is off/,
      program: () => void firewall("quiet", network("core"), { logConfig: undefined }),
    },
    {
      policy: "gcp-subnet-flow-logs",
      title: "a proxy-only subnet (flow logs unsupported)",
      program: () =>
        void subnetwork("proxy", network("core"), {
          purpose: "REGIONAL_MANAGED_PROXY",
          role: "ACTIVE",
          logConfig: undefined,
          privateIpGoogleAccess: undefined,
        }),
    },
    { policy: "gcp-kms-key-rotation", title: "a 90-day rotation", program: () => void cryptoKey("data") },
    {
      policy: "gcp-kms-key-rotation",
      title: "an asymmetric signing key without rotation",
      program: () =>
        void cryptoKey("sign", {
          purpose: "ASYMMETRIC_SIGN",
          rotationPeriod: undefined,
          versionTemplate: { algorithm: "EC_SIGN_P256_SHA256" },
        }),
    },
    {
      policy: "gcp-kms-key-rotation",
      title: "a 30-day rotation under a 14-day limit",
      fail: /30 days \(at most 14\)/,
      config: { "gcp-kms-key-rotation": { maxRotationDays: 14 } },
      program: () => void cryptoKey("data", { rotationPeriod: "2592000s" }),
    },
    {
      policy: "gcp-kms-key-rotation",
      title: "a period that is not a duration",
      fail: /is not a duration/,
      program: () => void cryptoKey("data", { rotationPeriod: "90d" }),
    },
  ]);
  undecidedInPreview("gcp-kms-key-rotation", "a rotation period computed from another resource", () => {
    cryptoKey("data", { rotationPeriod: serviceAccount("clock").id.apply(() => "31536000s") });
  });
});

describe("Google Cloud rules: Cloud SQL and Cloud Run", function () {
  this.timeout(60_000);
  ruleCases([
    ...kitPasses(
      SQL_RULES,
      "the private, TLS-only, backed-up PostgreSQL instance",
      () => void sqlInstance("db"),
    ),
    {
      policy: "gcp-sql-backups",
      title: "MySQL with binary logging",
      program: () =>
        void sqlInstance("db", {
          args: { databaseVersion: "MYSQL_8_0" },
          backup: { pointInTimeRecoveryEnabled: undefined, binaryLogEnabled: true },
        }),
    },
    {
      policy: "gcp-sql-backups",
      title: "PITR without backups",
      fail: /backupConfiguration.enabled is not true/,
      program: () => void sqlInstance("db", { backup: { enabled: false } }),
    },
    {
      policy: "gcp-sql-ssl-required",
      title: "sslMode unset",
      fail: /ALLOW_UNENCRYPTED_AND_ENCRYPTED/,
      program: () => void sqlInstance("db", { ip: { sslMode: undefined } }),
    },
    {
      policy: "gcp-sql-deletion-protection",
      title: "a dev instance without deletion protection",
      program: () =>
        void sqlInstance("db", {
          args: { deletionProtection: false },
          settings: { deletionProtectionEnabled: false },
        }),
    },
    {
      policy: "gcp-sql-deletion-protection",
      title: "a prod-labelled instance without deletion protection",
      fail: /deletionProtection is false/,
      program: () =>
        void sqlInstance("db", {
          args: { deletionProtection: false },
          settings: { userLabels: { environment: "prod", "managed-by": "team", component: "db" } },
        }),
    },
    {
      policy: "gcp-sql-postgres-connection-logging",
      title: "no connection flags",
      fail: /log_connections, log_disconnections/,
      program: () => void sqlInstance("db", { settings: { databaseFlags: [] } }),
    },
    ...kitPasses(
      [
        "gcp-cloudrun-no-public-invoker",
        "gcp-cloudrun-ingress-restricted",
        "gcp-cloudrun-dedicated-service-account",
        "gcp-cloudrun-cmek",
      ],
      "the internal service with its own account and key",
      () => void runService("web"),
    ),
    {
      policy: "gcp-cloudrun-no-public-invoker",
      title: "an invoker grant to a service account",
      program: () => {
        const svc = runService("web");
        new cloudrunv2.ServiceIamMember("web-caller", {
          name: svc.name,
          location: svc.location,
          role: "roles/run.invoker",
          member: serviceAccount("caller").member,
        });
      },
    },
    {
      policy: "gcp-cloudrun-no-public-invoker",
      title: "the IAM invoker check switched off",
      fail: /invokerIamDisabled is true/,
      program: () => void runService("web", { invokerIamDisabled: true }),
    },
    {
      policy: "gcp-cloudrun-no-public-invoker",
      title: "a v1 IamBinding with allUsers",
      fail: /roles\/run.invoker to allUsers/,
      program: () => {
        const svc = runService("web");
        new cloudrun.IamBinding("web-public", {
          service: svc.name,
          location: svc.location,
          role: "roles/run.invoker",
          members: ["allUsers"],
        });
      },
    },
    {
      policy: "gcp-cloudrun-dedicated-service-account",
      title: "no service account (the Compute Engine default)",
      fail: /no template.serviceAccount/,
      program: () =>
        void runService("web", {
          template: { containers: [{ image: "europe-docker.pkg.dev/acme/web/web:1.2.3" }] },
        }),
    },
    ...kitPasses(
      ["gcp-cloudrun-ingress-restricted", "gcp-cloudrun-dedicated-service-account", "gcp-cloudrun-cmek"],
      "a v1 service behind a load balancer, with its own account and key",
      () => void runServiceV1("web"),
    ),
    {
      policy: "gcp-cloudrun-ingress-restricted",
      title: "a v1 service with no ingress annotation (all)",
      fail: /metadata.annotations\["run.googleapis.com\/ingress"\] is not set \(all\)/,
      program: () => void runServiceV1("web", { ingress: undefined }),
    },
    {
      policy: "gcp-cloudrun-ingress-restricted",
      title: 'a v1 service with ingress "all"',
      fail: /run.googleapis.com\/ingress"\] is "all"/,
      program: () => void runServiceV1("web", { ingress: "all" }),
    },
    {
      policy: "gcp-cloudrun-dedicated-service-account",
      title: "a v1 service with no serviceAccountName",
      fail: /no template.spec.serviceAccountName/,
      program: () => void runServiceV1("web", { serviceAccountName: undefined }),
    },
    {
      policy: "gcp-cloudrun-dedicated-service-account",
      title: "a v1 service running as the Compute Engine default",
      fail: /template.spec.serviceAccountName is the Compute Engine default/,
      program: () =>
        void runServiceV1("web", { serviceAccountName: "123456789-compute@developer.gserviceaccount.com" }),
    },
    {
      policy: "gcp-cloudrun-cmek",
      title: "a v1 service with no encryption-key annotation",
      fail: /run.googleapis.com\/encryption-key/,
      program: () => void runServiceV1("web", { encryptionKey: undefined }),
    },
  ]);
  undecidedInPreview("gcp-sql-no-public-ip", "ipv4Enabled computed from another resource", () => {
    sqlInstance("db", { ip: { ipv4Enabled: network("flag").selfLink.apply(() => true) } });
  });
});

describe("Google Cloud rules: Compute Engine and GKE", function () {
  this.timeout(60_000);
  ruleCases([
    ...kitPasses(
      COMPUTE_RULES,
      "the Shielded VM with its own account and no external IP",
      () => void vm("app"),
    ),
    {
      policy: "gcp-compute-no-default-service-account",
      title: "a VM with no service account at all",
      program: () => void vm("bare", { serviceAccount: undefined }),
    },
    {
      policy: "gcp-compute-no-default-sa-full-access",
      title: "the default account with narrow scopes",
      program: () => void vm("narrow", { serviceAccount: { scopes: ["logging-write", "monitoring-write"] } }),
    },
    {
      policy: "gcp-compute-no-default-sa-full-access",
      title: "the default account named by email with the full scope URL",
      fail: /cloud-platform scope/,
      program: () =>
        void vm("full", {
          serviceAccount: {
            email: "123456789012-compute@developer.gserviceaccount.com",
            scopes: ["https://www.googleapis.com/auth/cloud-platform"],
          },
        }),
    },
    {
      policy: "gcp-compute-no-public-ip",
      title: "an instance template with an external IP",
      fail: /networkInterfaces\[0\] has an external IP/,
      program: () =>
        void new compute.InstanceTemplate("tpl", {
          machineType: "e2-small",
          disks: [{ sourceImage: "debian-cloud/debian-12" }],
          networkInterfaces: [{ network: "default", accessConfigs: [{}] }],
        }),
    },
    {
      policy: "gcp-compute-no-serial-port",
      title: "serial-port-enable false",
      program: () => void vm("quiet", { metadata: { "serial-port-enable": "false" } }),
    },
    {
      policy: "gcp-compute-no-serial-port",
      title: 'serial-port-enable "1"',
      fail: /serial-port-enable is "1"/,
      program: () => void vm("debug", { metadata: { "serial-port-enable": "1" } }),
    },
    {
      policy: "gcp-compute-shielded-vm",
      title: "vTPM switched off",
      fail: /enableVtpm/,
      program: () =>
        void vm("legacy", { shieldedInstanceConfig: { enableSecureBoot: true, enableVtpm: false } }),
    },
    ...kitPasses(
      ["gcp-gke-no-legacy-abac", "gcp-gke-endpoint-restricted", "gcp-gke-workload-identity"],
      "the private cluster with Workload Identity",
      () => void gkeCluster("main"),
    ),
    {
      policy: "gcp-gke-endpoint-restricted",
      title: "a public endpoint limited to the office network",
      program: () =>
        void gkeCluster("main", {
          privateClusterConfig: undefined,
          masterAuthorizedNetworksConfig: {
            cidrBlocks: [{ cidrBlock: "203.0.113.0/24", displayName: "office" }],
          },
        }),
    },
    {
      policy: "gcp-gke-endpoint-restricted",
      title: "master authorized networks including 0.0.0.0/0",
      fail: /0.0.0.0\/0 admits any address/,
      program: () =>
        void gkeCluster("main", {
          privateClusterConfig: undefined,
          masterAuthorizedNetworksConfig: { cidrBlocks: [{ cidrBlock: "0.0.0.0/0" }] },
        }),
    },
    {
      policy: "gcp-gke-workload-identity",
      title: "an Autopilot cluster",
      program: () =>
        void gkeCluster("auto", {
          enableAutopilot: true,
          workloadIdentityConfig: undefined,
          initialNodeCount: undefined,
        }),
    },
  ]);
  undecidedInPreview(
    "gcp-compute-no-default-sa-full-access",
    "a service account email from another resource",
    () => {
      vm("app", {
        serviceAccount: {
          email: pulumi.output(network("x").selfLink).apply(() => "1-compute@developer.gserviceaccount.com"),
          scopes: ["cloud-platform"],
        },
      });
    },
  );
});
