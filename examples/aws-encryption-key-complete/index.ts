// Every EncryptionKey knob: named administrators and users, services, a fixed alias, and a grant.
import * as iam from "@pulumi/aws/iam";
import { EncryptionKey } from "../../components/aws";

export default function program(): Record<string, unknown> {
  const key = new EncryptionKey("data", {
    environment: "prod",
    description: "Customer data at rest",
    administrators: ["arn:aws:iam::123456789012:role/platform-admin"],
    users: ["arn:aws:iam::123456789012:role/reporting"],
    services: ["logs", "rds"],
    alias: "alias/customer-data",
    deletionWindowDays: 30,
    tags: { "data-class": "confidential" },
  });
  const worker = new iam.Role("worker", {
    assumeRolePolicy: JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        { Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" },
      ],
    }),
  });
  key.grantEncryptDecrypt(worker, "worker");
  return { keyArn: key.arn, alias: key.aliasName };
}
