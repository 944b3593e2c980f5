// The `encryptionKey` argument every Google Cloud component that stores data takes (an EncryptionKey, a
// crypto key id, or nothing for a new key named `<name>-key`): resolved once by `resolveKeyChoice`, wired
// by `wireKey`, which also grants the using service's agent on the key before the resource exists.
import * as pulumi from "@pulumi/pulumi";
import { CryptoKeyIAMMember } from "@pulumi/gcp/kms/cryptoKeyIAMMember";
import {
  Environment,
  Shape,
  Validator,
  childName,
  isDeferred,
  pathShape,
  validateDerivedNames,
} from "../core";
import { ServiceAgent, serviceAgentGrantee } from "./agents";
import { childOptions } from "./common";
import { checkKeyLocation, keyLocationsFor, locationOfKeyId } from "./locations";
import { EncryptionKey } from "./encryption-key";
import { keyNamed } from "./encryption-key/args";

const EXPECTED =
  "a crypto key id (projects/<p>/locations/<l>/keyRings/<r>/cryptoKeys/<k>) or an EncryptionKey";
const CRYPTO_KEY: Shape = {
  ...pathShape("projects/{project}/locations/{location}/keyRings/{ring}/cryptoKeys/{key}", {
    what: "a crypto key id",
    example: "projects/acme/locations/europe-west1/keyRings/core/cryptoKeys/data",
  }),
  expected: EXPECTED,
};
/** A crypto key id, as CMEK arguments take it. */
export const CRYPTO_KEY_ID: RegExp = CRYPTO_KEY.pattern;

/** What a component does for its key, decided before anything registers. */
export type KeyChoice =
  | { readonly kind: "create" }
  | { readonly kind: "component"; readonly key: EncryptionKey }
  | { readonly kind: "id"; readonly id: pulumi.Input<string> };

/**
 * Validates an `encryptionKey` argument: a known string must be a crypto key id; without one, the key
 * the component creates (`<name>-key`) must have names Cloud KMS takes, checked now, before any child.
 * A given key whose location is known now must be one that can encrypt `service`'s data in
 * `dataLocation` (when that is known too): a bucket in `EU` takes a key in `europe`, a regional resource
 * a key in its region.
 */
export function resolveKeyChoice(
  v: Validator,
  value: EncryptionKey | pulumi.Input<string> | undefined,
  service: ServiceAgent,
  dataLocation: pulumi.Input<string> | undefined,
): KeyChoice {
  if (value === undefined) {
    validateDerivedNames(
      v,
      keyNamed((n) => `${n}-key`),
    );
    return { kind: "create" };
  }
  if (value instanceof EncryptionKey) {
    checkKeyLocation(v, "encryptionKey", service, dataLocation, value.locationName);
    return { kind: "component", key: value };
  }
  if (typeof value === "string") {
    v.shape("encryptionKey", value, CRYPTO_KEY);
    checkKeyLocation(v, "encryptionKey", service, dataLocation, locationOfKeyId(value));
  } else if (!isDeferred(value))
    v.fail("encryptionKey", value, "is not a key id or an EncryptionKey", EXPECTED);
  // An Output (a key from another stack) is checked once known; the children take the checked value.
  return { kind: "id", id: v.matches("encryptionKey", value, CRYPTO_KEY_ID, EXPECTED) };
}

/** The wired key: its id, the agent's grant to depend on, and the key the component created, if any. */
export interface WiredKey {
  readonly keyId: pulumi.Output<string>;
  readonly agentGrant: CryptoKeyIAMMember;
  readonly created?: EncryptionKey;
}

/**
 * The key id for a choice, creating the `<name>-key` child when the choice is "create" (in the Cloud KMS
 * location that serves `o.location`: `europe` for a bucket in `EU`), and the grant that lets `service`'s
 * agent use it: on an EncryptionKey through its grants (once per service), on a key id as the child
 * `<name>-key-grant`. `o.after` (the component's `dependsOn`) holds the key, the agent and the grant.
 */
export function wireKey(
  scope: pulumi.Resource,
  name: string,
  choice: KeyChoice,
  service: ServiceAgent,
  o: {
    readonly environment: Environment;
    readonly labels: { readonly [key: string]: string } | undefined;
    readonly protect: boolean;
    readonly location: pulumi.Input<string>;
    readonly after: readonly pulumi.Input<pulumi.Resource>[];
  },
): WiredKey {
  if (choice.kind === "id") {
    const agent = serviceAgentGrantee(scope, name, service, o.after);
    const agentGrant = new CryptoKeyIAMMember(
      childName(name, "key-grant"),
      {
        cryptoKeyId: choice.id,
        role: "roles/cloudkms.cryptoKeyEncrypterDecrypter",
        member: agent.grantPrincipal.member,
      },
      childOptions(scope, o.after),
    );
    return { keyId: pulumi.output(choice.id), agentGrant };
  }
  const key =
    choice.kind === "component"
      ? choice.key
      : new EncryptionKey(
          `${name}-key`,
          {
            environment: o.environment,
            labels: o.labels,
            location: kmsLocation(service, o.location),
            protect: o.protect,
          },
          childOptions(scope, o.after),
        );
  return {
    keyId: key.keyId,
    agentGrant: key.grantServiceAgent(service),
    ...(choice.kind === "create" ? { created: key } : {}),
  };
}

/** The Cloud KMS location of a key for `service`'s data in `location` (`EU` → `europe`), kept plain when known. */
function kmsLocation(service: ServiceAgent, location: pulumi.Input<string>): pulumi.Input<string> {
  return typeof location === "string"
    ? keyLocationsFor(service, location)[0]
    : pulumi.output(location).apply((l) => keyLocationsFor(service, l)[0]);
}
