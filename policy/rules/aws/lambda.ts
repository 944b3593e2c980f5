// AWS Lambda and Secrets Manager rules: no secret in a function's plain environment, no function URL
// without IAM authentication, and secrets that rotate.
import type { FunctionArgs, FunctionUrlArgs } from "@pulumi/aws/lambda";
import { looksLikeSecretName } from "../../../components/core/secrets";
import { GroundworkPolicy, ResourceRule, stackPolicy } from "../../runtime";
import { onInputs, record } from "../../runtime/props";
import { eachOf, ofTypes, referrers } from "../../runtime/links";
import { knownField } from "../../runtime/unknowns";
import { T } from "./resource-types";

/**
 * True when a value is a reference to a secret rather than the secret: an ARN (Secrets Manager, SSM,
 * KMS) or an SSM parameter path, which the function resolves at run time with its own role.
 */
function isReference(value: unknown): boolean {
  return typeof value === "string" && (value.startsWith("arn:") || value.startsWith("/"));
}

export const lambdaRules: ResourceRule[] = [
  {
    name: "aws-lambda-no-plaintext-secrets",
    area: "aws",
    severity: "high",
    description:
      "Lambda environment variables whose names announce a secret (PASSWORD, TOKEN, API_KEY …, the rule the " +
      "components use) hold a reference (an ARN or an SSM path), not the value: plain variables are readable by " +
      "anyone with lambda:GetFunctionConfiguration.",
    remediationSteps:
      "Store the value in Secrets Manager or SSM Parameter Store, pass its ARN, and read it at run time (or use the Parameters and Secrets extension).",
    references: ["CKV_AWS_45"],
    validateResource: onInputs<FunctionArgs>(T.lambdaFunction, (fn, report) => {
      const variables = record(record(fn.environment).variables);
      for (const name of Object.keys(variables).filter(looksLikeSecretName)) {
        const value = knownField(variables, name);
        if (value === undefined) report.undecided(`environment variable ${name}: its value is unknown`);
        else if (!isReference(value)) report(`environment variable ${name} holds a plain value`);
      }
    }),
  },
  {
    name: "aws-lambda-function-url-auth",
    area: "aws",
    severity: "high",
    description: 'Lambda function URLs authenticate callers with IAM (`authorizationType: "AWS_IAM"`).',
    remediationSteps:
      'Set `authorizationType: "AWS_IAM"`; put a public endpoint behind API Gateway or CloudFront with its own authentication.',
    references: ["CKV_AWS_258"],
    validateResource: onInputs<FunctionUrlArgs>(T.functionUrl, (url, report) => {
      if (url.authorizationType !== "AWS_IAM")
        report(
          `authorizationType is ${JSON.stringify(url.authorizationType)}: anyone can invoke the function`,
        );
    }),
  },
];

export const secretStackPolicies: GroundworkPolicy[] = [
  stackPolicy({
    name: "aws-secretsmanager-rotation",
    area: "aws",
    severity: "medium",
    description:
      "Secrets Manager secrets rotate automatically: a SecretRotation in the stack names each one.",
    remediationSteps:
      "Add an aws.secretsmanager.SecretRotation for the secret with a rotation Lambda and `rotationRules`.",
    references: ["CKV2_AWS_57", "AWS FSBP SecretsManager.1"],
    validateStack(args, report) {
      eachOf(ofTypes(args.resources, T.secret), report, (secret) => {
        if (referrers(args.resources, T.secretRotation, "secretId", secret).length === 0)
          report(`secret "${secret.name}" has no SecretRotation`, secret.urn);
      });
    },
  }),
];
