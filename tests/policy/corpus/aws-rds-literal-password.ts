// Corpus: aws rds literal password.
import * as rds from "@pulumi/aws/rds";
import { CorpusEntry, TAGS, key } from "../kit";

function db(name: string, args: Partial<rds.InstanceArgs>): rds.Instance {
  return new rds.Instance(name, {
    engine: "postgres",
    engineVersion: "16.4",
    instanceClass: "db.t4g.micro",
    allocatedStorage: 20,
    username: "app",
    manageMasterUserPassword: true,
    storageEncrypted: true,
    kmsKeyId: key(`${name}-key`).arn,
    iamDatabaseAuthenticationEnabled: true,
    backupRetentionPeriod: 7,
    enabledCloudwatchLogsExports: ["postgresql"],
    dbSubnetGroupName: "isolated",
    tags: TAGS,
    ...args,
  });
}

// A master password written in the program (and so in the state).
export const entry: CorpusEntry = {
  description: "RDS instance with a literal password",
  expect: ["aws-rds-managed-password"],
  program: () => {
    db("billing", { manageMasterUserPassword: undefined, password: "correct-horse-battery" });
  },
};
