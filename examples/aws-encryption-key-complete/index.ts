// Every EncryptionKey knob: named administrators and users, services, a fixed alias, and grants to a raw
// role (encrypt and decrypt) and to a role given by ARN (decrypt only).
import * as iam from "@pulumi/aws/iam";
import { EncryptionKey, roleGrantee } from "../../components/aws";

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
  // An explicit id keeps the name an existing grant already has: `data-grant-worker`.
  key.grantEncryptDecrypt(worker, "worker");
  // Without an id the child is named from grantee and level: `data-grant-auditor-decrypt`.
  key.grantDecrypt(roleGrantee("auditor", "arn:aws:iam::123456789012:role/audit/auditor"));
  return { keyArn: key.arn, alias: key.aliasName };
}
