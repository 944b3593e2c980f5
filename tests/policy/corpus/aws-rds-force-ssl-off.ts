// Corpus: aws rds force ssl off.
import * as rds from "@pulumi/aws/rds";
import { CorpusEntry, TAGS, key } from "../kit";

// A parameter group that lets clients connect without TLS.
export const entry: CorpusEntry = {
  description: "PostgreSQL parameter group with rds.force_ssl=0",
  expect: ["aws-rds-force-ssl"],
  program: () => {
    const params = new rds.ParameterGroup("reports-params", {
      name: "reports-params",
      family: "postgres16",
      parameters: [{ name: "rds.force_ssl", value: "0" }],
      tags: TAGS,
    });
    new rds.Instance("reports", {
      engine: "postgres",
      engineVersion: "16.4",
      instanceClass: "db.t4g.micro",
      allocatedStorage: 20,
      username: "app",
      manageMasterUserPassword: true,
      storageEncrypted: true,
      kmsKeyId: key("reports-key").arn,
      parameterGroupName: params.name,
      tags: TAGS,
    });
  },
};
