// EncryptionKey: a Cloud KMS key ring and a symmetric crypto key that rotates at least every 90 days,
// with a scheduled-destroy window, prevent-destroy in prod, and grants to grantees and service agents.
import * as pulumi from "@pulumi/pulumi";
import { KeyRing } from "@pulumi/gcp/kms/keyRing";
import { CryptoKey } from "@pulumi/gcp/kms/cryptoKey";
import { CryptoKeyIAMMember } from "@pulumi/gcp/kms/cryptoKeyIAMMember";
import { Validator, childName, resolveProfile } from "../../core";
import { GCP_KMS_NAME, gcpFittedName } from "../naming";
import { Labels, childOptions, dependsOnOf, outputProperties, regionOf } from "../common";
import { ServiceAgent, serviceAgentGrantee } from "../agents";
import { GcpGrantee, GcpGrants } from "../grants";
import { EncryptionKeyArgs, resolveEncryptionKeyArgs } from "./args";

export { EncryptionKeyArgs } from "./args";

const DAY_SECONDS = 86_400;

/** The roles a key grant gives, by access level. */
const KEY_ROLES = {
  encryptDecrypt: "roles/cloudkms.cryptoKeyEncrypterDecrypter",
  decrypt: "roles/cloudkms.cryptoKeyDecrypter",
} as const;

/**
 * A Cloud KMS key ring and rotating crypto key.
 *
 * Needs these APIs on before its first deploy (`GCP_APIS.EncryptionKey`): cloudkms, and the API of each
 * service whose agent it grants (storage, sqladmin, run) (`*.googleapis.com`). Enable them (`ProjectApis`)
 * and pass them as `dependsOn`: every child waits for the component's own `dependsOn`.
 */
export class EncryptionKey extends pulumi.ComponentResource {
  /** The crypto key's id (`projects/…/locations/…/keyRings/…/cryptoKeys/…`), for CMEK arguments. */
  public readonly keyId: pulumi.Output<string>;
  /** The key ring's id. */
  public readonly keyRingId: pulumi.Output<string>;
  /** The key ring's location. */
  public readonly location: pulumi.Output<string>;
  /**
   * The key ring's location as a plain string, when the caller gave one (known at construction); undefined
   * when it comes from the provider (`gcp:region`) or another resource. Components that use the key check
   * it against their data's location with this before creating anything.
   */
  public readonly locationName?: string;
  /** Defaults the caller weakened by name; empty when none. */
  public readonly weakened: pulumi.Output<string[]>;
  /** The raw key ring and crypto key, for arguments that need the resources. */
  public readonly keyRing: KeyRing;
  public readonly key: CryptoKey;

  private readonly labelSet: Labels;
  private readonly grants: GcpGrants;
  private readonly agentGrants = new Map<ServiceAgent, CryptoKeyIAMMember>();
  private readonly ownName: string;
  /** What every child waits for: the component's own `dependsOn` (the project's APIs). */
  private readonly after: pulumi.Input<pulumi.Resource>[];

  constructor(name: string, args: EncryptionKeyArgs = {}, opts?: pulumi.ComponentResourceOptions) {
    const v = new Validator("gcp.EncryptionKey", name);
    const r = resolveEncryptionKeyArgs(v, args, resolveProfile(v, args?.environment), opts?.protect);
    super("groundwork:gcp:EncryptionKey", name, {}, opts);
    this.labelSet = r.labels;
    this.ownName = name;
    this.after = dependsOnOf(opts);
    this.grants = new GcpGrants(name, () => v);
    // Key rings and crypto keys cannot be deleted on Google Cloud, only their versions destroyed; in
    // prod the provider refuses to try (prevent-destroy) as well as Pulumi.
    const deletionPolicy = r.protect ? "PREVENT" : "DELETE";
    this.keyRing = new KeyRing(
      childName(name, "ring"),
      { ...gcpFittedName(name, "ring", GCP_KMS_NAME), location: regionOf(this, r.location) },
      childOptions(this, this.after, { protect: r.protect }),
    );
    this.key = new CryptoKey(
      childName(name, "cmk"),
      {
        ...gcpFittedName(name, "cmk", GCP_KMS_NAME),
        keyRing: this.keyRing.id,
        purpose: "ENCRYPT_DECRYPT",
        rotationPeriod: `${r.rotationPeriodDays * DAY_SECONDS}s`,
        destroyScheduledDuration: `${r.deletionWindowDays * DAY_SECONDS}s`,
        versionTemplate: { algorithm: "GOOGLE_SYMMETRIC_ENCRYPTION", protectionLevel: "SOFTWARE" },
        deletionPolicy,
        labels: r.labels,
      },
      // Cloud KMS sets the destroy window at creation only: a change would replace the key, and with it
      // every resource that names it (a Cloud SQL instance takes its key at creation too).
      childOptions(this, this.after, { protect: r.protect, ignoreChanges: ["destroyScheduledDuration"] }),
    );
    for (const service of r.services) this.grantServiceAgent(service);
    this.keyId = this.key.id;
    this.keyRingId = this.keyRing.id;
    this.location = this.keyRing.location;
    if (typeof r.location === "string") this.locationName = r.location;
    this.weakened = pulumi.output(r.weakened);
    this.registerOutputs(outputProperties(this));
  }

  /**
   * Lets a grantee encrypt and decrypt with this key: one IAM member binding named `<name>-grant-<id>`.
   * @param id defaults to `<granteeName>-encrypt-decrypt`
   */
  grantEncryptDecrypt(grantee: GcpGrantee, id?: string): CryptoKeyIAMMember {
    return this.bind(grantee, "encryptDecrypt", id);
  }

  /**
   * Lets a grantee decrypt with this key, nothing more; named `<name>-grant-<id>`.
   * @param id defaults to `<granteeName>-decrypt`
   */
  grantDecrypt(grantee: GcpGrantee, id?: string): CryptoKeyIAMMember {
    return this.bind(grantee, "decrypt", id);
  }

  /**
   * Lets a Google service agent (GCS, Cloud SQL, Cloud Run, GKE, Compute Engine) encrypt and decrypt with this key, so the
   * service can use it as CMEK: `<name>-grant-<service>-agent-encrypt-decrypt`. Granted once per
   * service, however many components share the key; make what uses the key depend on the result.
   */
  grantServiceAgent(service: ServiceAgent): CryptoKeyIAMMember {
    const made = this.agentGrants.get(service);
    if (made !== undefined) return made;
    const grant = this.grantEncryptDecrypt(serviceAgentGrantee(this, this.ownName, service, this.after));
    this.agentGrants.set(service, grant);
    return grant;
  }

  /** The labels the key carries (for children that a caller adds next to it). */
  get labels(): Labels {
    return this.labelSet;
  }

  private bind(
    grantee: GcpGrantee,
    level: keyof typeof KEY_ROLES,
    id: string | undefined,
  ): CryptoKeyIAMMember {
    return this.grants.attach(
      grantee,
      level,
      id,
      (child, member) =>
        new CryptoKeyIAMMember(
          child,
          { cryptoKeyId: this.key.id, role: KEY_ROLES[level], member },
          childOptions(this, this.after),
        ),
    );
  }
}
