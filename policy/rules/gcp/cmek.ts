// Customer-managed encryption keys on the Google Cloud data stores beyond Cloud Storage and Cloud SQL
// (storage.ts, sql.ts): BigQuery datasets, Pub/Sub topics, Artifact Registry repositories and persistent
// disks. Google encrypts them all under a Google-managed key by default; the one key decision (../keys.ts)
// asks for a key the team controls, and `customerManagedKey: false` accepts Google's.
import { ResourceRule } from "../../runtime";
import { Props, record, recordAt } from "../../runtime/props";
import { isSet } from "../../runtime/unknowns";
import { CMK_KNOB_HINT, CUSTOMER_MANAGED_KEY_KNOBS, asksForKey } from "../keys";
import { T } from "./resource-types";

interface CmekSpec {
  readonly name: string;
  /** What holds the data, for the description: "BigQuery datasets (the default key of their tables)". */
  readonly what: string;
  readonly types: readonly string[];
  /** Where the key sits: the object holding it, and the field (then others that also name a customer's key). */
  readonly at: readonly string[];
  readonly field: string;
  readonly alternatives?: readonly string[];
  readonly references: readonly string[];
}

function cmekRule(spec: CmekSpec): ResourceRule {
  const where = [...spec.at, spec.field].join(".");
  return {
    name: spec.name,
    area: "gcp",
    severity: "high",
    description:
      `${spec.what} are encrypted under a customer-managed Cloud KMS key (\`${where}\`); Google encrypts them under a ` +
      "Google-managed key otherwise, which `customerManagedKey: false` accepts.",
    remediationSteps: `Set \`${where}\` to a crypto key the service's agent may use (grant it before the resource).`,
    references: spec.references,
    configSchema: { properties: CUSTOMER_MANAGED_KEY_KNOBS },
    types: spec.types,
    validateResource(args, report) {
      const props: Props = record(args.props);
      if (!asksForKey(args, record(props.labels).environment)) return;
      // A key id from another resource is unknown in preview but certainly set.
      const holder = recordAt(props, spec.at);
      if (![spec.field, ...(spec.alternatives ?? [])].some((f) => isSet(holder, f)))
        report(`${where} is not set: data is encrypted under a Google-managed key; ${CMK_KNOB_HINT}`);
    },
  };
}

export const cmekRules: ResourceRule[] = [
  cmekRule({
    name: "gcp-bigquery-cmek",
    what: "BigQuery datasets (the default key of their tables)",
    types: T.dataset,
    at: ["defaultEncryptionConfiguration"],
    field: "kmsKeyName",
    references: ["CKV_GCP_81", "CIS GCP 7.3"],
  }),
  cmekRule({
    name: "gcp-pubsub-cmek",
    what: "Pub/Sub topics",
    types: T.pubsubTopic,
    at: [],
    field: "kmsKeyName",
    references: ["CKV_GCP_83"],
  }),
  cmekRule({
    name: "gcp-artifactregistry-cmek",
    what: "Artifact Registry repositories",
    types: T.artifactRepository,
    at: [],
    field: "kmsKeyName",
    references: ["CKV_GCP_84"],
  }),
  cmekRule({
    name: "gcp-compute-disk-cmek",
    what: "Persistent disks",
    types: T.disk,
    at: ["diskEncryptionKey"],
    field: "kmsKeySelfLink",
    // A customer-supplied key (CSEK) is the customer's too.
    alternatives: ["rawKey", "rsaEncryptedKey"],
    references: ["CKV_GCP_37", "CIS GCP 4.7", "CIS GKE 5.9.1"],
  }),
];
