// ContainerService: a Cloud Run v2 service running as its own service account (holding only the secret
// reads it needs), reachable from the VPC and Google Cloud load balancers only unless `publicAccess`,
// CMEK-encrypted, sending traffic through the network, with Binary Authorization's default policy.
import * as pulumi from "@pulumi/pulumi";
import { Service, ServiceArgs } from "@pulumi/gcp/cloudrunv2/service";
import { ServiceIamMember } from "@pulumi/gcp/cloudrunv2/serviceIamMember";
import { SecretIamMember } from "@pulumi/gcp/secretmanager/secretIamMember";
import { Account } from "@pulumi/gcp/serviceaccount/account";
import { Validator, childName, resolveProfile } from "../../core";
import { CLOUD_RUN_SERVICE_NAME, gcpFittedName } from "../naming";
import { childOptions, dependsOnOf, outputProperties, regionOf } from "../common";
import { wireKey } from "../encryption";
import { EncryptionKey } from "../encryption-key";
import { GcpPrincipal } from "../grants";
import { ContainerServiceArgs, ResolvedContainerServiceArgs, resolveContainerServiceArgs } from "./args";

export { CLOUD_RUN_CPUS, ContainerServiceArgs, ServiceNetwork, VPC_EGRESS } from "./args";

/** The container: pinned image, limits from the profile, plain variables and secrets by reference. */
function container(r: ResolvedContainerServiceArgs) {
  return {
    image: r.image,
    ports: { containerPort: r.containerPort },
    resources: { limits: { cpu: r.cpu, memory: r.memory } },
    envs: [
      ...Object.entries(r.environmentVariables).map(([name, value]) => ({ name, value })),
      ...Object.entries(r.secrets).map(([name, ref]) => ({
        name,
        valueSource: { secretKeyRef: { secret: ref.secret, version: ref.version } },
      })),
    ],
  };
}

function serviceArgs(
  r: ResolvedContainerServiceArgs,
  region: pulumi.Input<string>,
  keyId: pulumi.Input<string>,
  email: pulumi.Input<string>,
): ServiceArgs {
  return {
    location: region,
    ingress: r.publicAccess ? "INGRESS_TRAFFIC_ALL" : "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER",
    invokerIamDisabled: false,
    deletionProtection: r.deletionProtection,
    binaryAuthorization: { useDefault: true },
    labels: r.labels,
    template: {
      serviceAccount: email,
      encryptionKey: keyId,
      executionEnvironment: "EXECUTION_ENVIRONMENT_GEN2",
      scaling: { minInstanceCount: r.minCapacity, maxInstanceCount: r.maxCapacity },
      vpcAccess: {
        egress: r.vpcEgress,
        networkInterfaces: [{ network: r.networkId, subnetwork: r.subnetId }],
      },
      containers: [container(r)],
    },
  };
}

/**
 * A Cloud Run service with its own identity, private by default, encrypted and egressing via the VPC.
 *
 * Needs these APIs on before its first deploy (`GCP_APIS.ContainerService`): binaryauthorization, cloudkms,
 * iam, run, and secretmanager with `secrets` (`*.googleapis.com`). Enable them (`ProjectApis`) and pass them
 * as `dependsOn`: every child waits for the component's own `dependsOn`.
 */
export class ContainerService extends pulumi.ComponentResource {
  /** The service name. */
  public readonly serviceName: pulumi.Output<string>;
  /** The service URL (reachable from the VPC and load balancers unless `publicAccess`). */
  public readonly url: pulumi.Output<string>;
  /** The email of the service's own service account. */
  public readonly serviceAccountEmail: pulumi.Output<string>;
  /** The crypto key id that encrypts the service. */
  public readonly keyId: pulumi.Output<string>;
  /** Defaults the caller weakened by name; empty when none. */
  public readonly weakened: pulumi.Output<string[]>;
  /** The raw service, for arguments that need the resource. */
  public readonly service: Service;
  /** The key the component created, when none was passed. */
  public readonly encryptionKey?: EncryptionKey;
  /** The grantee name grants made to this service are named from: the component name. */
  public readonly granteeName: string;
  /** The member grants to this service bind: its service account. */
  public readonly grantPrincipal: GcpPrincipal;

  constructor(name: string, args: ContainerServiceArgs, opts?: pulumi.ComponentResourceOptions) {
    const v = new Validator("gcp.ContainerService", name);
    const r = resolveContainerServiceArgs(v, args, resolveProfile(v, args?.environment), opts?.protect);
    super("groundwork:gcp:ContainerService", name, {}, opts);
    const after = dependsOnOf(opts);
    const region = r.region ?? regionOf(this, undefined);
    const account = new Account(
      childName(name, "sa"),
      { accountId: r.serviceAccountId, displayName: `Cloud Run service ${name}` },
      childOptions(this, after),
    );
    this.granteeName = name;
    this.grantPrincipal = { member: account.member };
    // The service reads exactly the secrets it references, each through its own binding.
    const reads = Object.entries(r.secrets).map(
      ([variable, ref]) =>
        new SecretIamMember(
          childName(name, "secret", variable.toLowerCase().replace(/_/g, "-")),
          { secretId: ref.secret, role: "roles/secretmanager.secretAccessor", member: account.member },
          childOptions(this, after),
        ),
    );
    const key = wireKey(this, name, r.key, "run", {
      environment: r.profile.environment,
      labels: r.callerLabels,
      protect: r.protect,
      location: region,
      after,
    });
    this.encryptionKey = key.created;
    // The Cloud Run agent must hold the key, and the account its secrets, before a revision starts.
    this.service = new Service(
      childName(name, "service"),
      {
        ...serviceArgs(r, region, key.keyId, account.email),
        ...gcpFittedName(name, "service", CLOUD_RUN_SERVICE_NAME),
      },
      childOptions(this, after, { dependsOn: [key.agentGrant, ...reads] }),
    );
    if (r.publicAccess) this.allowPublic(name, region, after);
    this.serviceName = this.service.name;
    this.url = this.service.uri;
    this.serviceAccountEmail = account.email;
    this.keyId = key.keyId;
    this.weakened = pulumi.output(r.weakened);
    this.registerOutputs(outputProperties(this));
  }

  /** `publicAccess` only: anyone may invoke the service (a recorded weakening). */
  private allowPublic(
    name: string,
    region: pulumi.Input<string>,
    after: readonly pulumi.Input<pulumi.Resource>[],
  ): void {
    new ServiceIamMember(
      childName(name, "public-invoker"),
      { name: this.service.name, location: region, role: "roles/run.invoker", member: "allUsers" },
      childOptions(this, after),
    );
  }
}
