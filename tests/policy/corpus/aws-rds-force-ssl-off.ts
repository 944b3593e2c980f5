// Corpus: aws rds force ssl off.
import * as rds from "@pulumi/aws/rds";
import { CorpusEntry, TAGS, database } from "../kit";

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
    // Without the advisory settings this entry never had, so its findings stay what they were.
    database("reports", {
      parameterGroupName: params.name,
      iamDatabaseAuthenticationEnabled: undefined,
      backupRetentionPeriod: undefined,
      enabledCloudwatchLogsExports: undefined,
      dbSubnetGroupName: undefined,
    });
  },
};
