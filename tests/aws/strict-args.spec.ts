// Strict arguments of the AWS and Kubernetes resolvers, pure: unknown keys refused with a suggestion,
// wrong types named as such, and component names checked against the physical names made from them.
import { strict as assert } from "assert";
import { PROFILES, Validator } from "../../components/core";
import { resolveBucketArgs } from "../../components/aws/bucket/args";
import { resolveContainerServiceArgs } from "../../components/aws/container-service/args";
import { resolveEncryptionKeyArgs } from "../../components/aws/encryption-key/args";
import { resolveNetworkArgs } from "../../components/aws/network/args";
import { resolvePostgresDatabaseArgs } from "../../components/aws/postgres-database/args";
import { resolveNamespaceArgs } from "../../components/kubernetes/namespace/args";
import { resolveWebServiceArgs } from "../../components/kubernetes/webservice/args";
import { inputError } from "../core/helpers";
import { SERVICE_ARGS } from "./helpers";

const dev = PROFILES.dev;
const DB = { vpcId: SERVICE_ARGS.vpcId, subnetIds: ["subnet-i1", "subnet-i2"] };
const bucket = (args: unknown, name = "logs") =>
  resolveBucketArgs(new Validator("aws.Bucket", name), args as object, dev);
const network = (args: unknown, name = "core") =>
  resolveNetworkArgs(new Validator("aws.Network", name), args as object, dev);
const key = (args: unknown, name = "k") =>
  resolveEncryptionKeyArgs(new Validator("aws.EncryptionKey", name), args as object, dev);
const database = (args: unknown, name = "db") =>
  resolvePostgresDatabaseArgs(
    new Validator("aws.PostgresDatabase", name),
    { ...DB, ...(args as object) },
    dev,
  );
const service = (args: unknown, name = "api") =>
  resolveContainerServiceArgs(
    new Validator("aws.ContainerService", name),
    { ...SERVICE_ARGS, ...(args as object) },
    dev,
  );
const web = (args: unknown) =>
  resolveWebServiceArgs(
    new Validator("kubernetes.WebService", "web"),
    { namespace: "apps", containers: [{ name: "web", image: "nginx:1.27.0" }], ...(args as object) },
    dev,
  );

describe("strict arguments: unknown keys", () => {
  it("Network { cidr } is refused, suggesting cidrBlock, not planned as 10.0.0.0/16", () => {
    const err = inputError(() => network({ cidr: "10.1.0.0/16" }));
    assert.equal(err.field, "cidr");
    assert.match(
      err.message,
      /^aws\.Network "core": cidr "10\.1\.0\.0\/16" is an unknown argument; did you mean "cidrBlock"\?/,
    );
    assert.equal(network({ cidrBlock: "10.1.0.0/16" }).plan.cidr, "10.1.0.0/16");
  });

  it("every resolver refuses a misspelt key, naming it and the key it meant", () => {
    const cases: [() => unknown, string, string][] = [
      [() => bucket({ acessLogging: false }), "acessLogging", "accessLogging"],
      [() => key({ deletionWindow: 7 }), "deletionWindow", "deletionWindowDays"],
      [() => database({ multiAZ: true }), "multiAZ", "multiAz"],
      [() => service({ contanerPort: 9000 }), "contanerPort", "containerPort"],
      [
        () =>
          resolveNamespaceArgs(new Validator("kubernetes.Namespace", "apps"), { lables: {} } as object, dev),
        "lables",
        "labels",
      ],
      [() => web({ minReplica: 2 }), "minReplica", "minReplicas"],
    ];
    for (const [run, field, meant] of cases) {
      const err = inputError(run);
      assert.equal(err.field, field);
      assert.ok(err.problem.endsWith(`did you mean "${meant}"?`), err.message);
    }
  });

  it("containers, init containers and file mounts are checked too", () => {
    const c = { name: "web", image: "nginx:1.27.0" };
    assert.equal(
      inputError(() => web({ containers: [{ ...c, imagePullPolicy: "Never" }] })).field,
      "containers[0].imagePullPolicy",
    );
    // An init container is never probed: a port is not one of its keys.
    assert.equal(
      inputError(() => web({ initContainers: [{ name: "init", image: "busybox:1.36", port: 8080 }] })).field,
      "initContainers[0].port",
    );
    const mount = { name: "db", mountPath: "/etc/db", readOnly: false };
    assert.equal(
      inputError(() => web({ containers: [{ ...c, secretMounts: [mount] }] })).field,
      "containers[0].secretMounts[0].readOnly",
    );
  });
});

describe("strict arguments: types named as such", () => {
  it('containerPort "8080" must be a number, not out of range', () => {
    const err = inputError(() => service({ containerPort: "8080" }));
    assert.equal(
      err.message,
      'aws.ContainerService "api": containerPort "8080" is not a number (expected an integer from 1024 to 65535)',
    );
  });

  it("subnetIds given as one id must be an array, not the wrong number of entries", () => {
    for (const run of [
      () => service({ subnetIds: "subnet-0abc" }),
      () => database({ subnetIds: "subnet-0abc" }),
    ]) {
      const err = inputError(run);
      assert.equal(err.field, "subnetIds");
      assert.equal(err.problem, "is not an array");
    }
  });

  it("encryptionKey 42 is refused, never passed on as a key id", () => {
    for (const run of [
      () => bucket({ encryptionKey: 42 }),
      () => network({ encryptionKey: 42 }),
      () => database({ encryptionKey: {} }),
    ]) {
      const err = inputError(run);
      assert.equal(err.field, "encryptionKey");
      assert.equal(err.problem, "is not a key ARN or an EncryptionKey");
    }
  });

  it('cpu "256" is not a number, though it names a Fargate size', () => {
    assert.equal(inputError(() => service({ cpu: "256" })).problem, "is not a number");
  });

  it("strings, maps and lists given as something else", () => {
    assert.equal(inputError(() => bucket({ accessLogBucket: 42 })).problem, "is not a string");
    assert.equal(inputError(() => key({ description: 42 })).problem, "is not a string");
    assert.equal(inputError(() => network({ cidrBlock: 167772160 })).problem, "is not a string");
    assert.equal(inputError(() => service({ environmentVariables: "A=1" })).field, "environmentVariables");
    assert.equal(inputError(() => service({ secrets: ["arn"] })).field, "secrets");
    assert.equal(inputError(() => web({ labels: "team=a" })).field, "labels");
    assert.equal(inputError(() => web({ allowFromPods: [["app"]] })).field, "allowFromPods[0]");
    assert.equal(
      inputError(() => web({ containers: [{ name: "web", image: "nginx:1.27.0", command: "sh" }] })).problem,
      "is not an array",
    );
  });
});

describe("strict arguments: component names and the physical names made from them", () => {
  it("Bucket: a name with a space or underscore cannot make an S3 bucket name", () => {
    for (const name of ["Core Logs", "core_logs"]) {
      const err = inputError(() => bucket({}, name));
      assert.equal(err.field, "name");
      assert.match(err.problem, /^would make the bucket name/);
    }
    // With its own bucket name and no log bucket, only the key alias is made from the name.
    assert.match(
      inputError(() => bucket({ bucketName: "core-logs", accessLogging: false }, "core logs")).problem,
      /key alias/,
    );
  });

  it("ContainerService: a long name is not refused (shortened names: fitted-names.spec), a bad one is", () => {
    service({}, "a".repeat(21));
    service({}, "orders-api-service-prod");
    assert.match(inputError(() => service({}, "internal-api")).problem, /reserved prefix 'internal-'/);
    assert.match(inputError(() => service({}, "Orders API")).problem, /load balancer/);
  });

  it("PostgresDatabase: letters, digits and single hyphens, starting with a letter", () => {
    for (const name of ["Orders API", "orders_db", "9orders", "orders--db"])
      assert.equal(inputError(() => database({}, name)).field, "name", name);
    assert.equal(database({}, "Orders-DB").identifier.startsWith("orders-db-"), true);
  });

  it("PostgresDatabase: a 50-character cut ending on a hyphen leaves no '--' in the identifier", () => {
    const r = database({}, `${"a".repeat(49)}-bcd`);
    assert.match(r.identifier, /^a{49}-[0-9a-f]{8}$/);
  });

  it("Network and EncryptionKey: the flow log role and the key alias", () => {
    assert.match(inputError(() => network({}, "core net")).problem, /flow log/);
    network({}, "a".repeat(42));
    assert.match(inputError(() => key({}, "orders.db")).problem, /key alias/);
    key({ alias: "alias/orders-db" }, "orders.db");
  });
});
