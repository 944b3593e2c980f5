// AWS Lambda rules: no secret in a function's plain environment (the shared rule of ../secrets.ts), no
// function URL or permission open to anyone, no service permission without a source (the confused deputy),
// and active tracing.
import type { FunctionArgs, FunctionUrlArgs, PermissionArgs } from "@pulumi/aws/lambda";
import { ResourceRule } from "../../runtime";
import { onInputs, record } from "../../runtime/props";
import { isSet, peek } from "../../runtime/unknowns";
import { reportPlaintextSecrets } from "../secrets";
import { T } from "./resource-types";

/** Service principals (`s3.amazonaws.com`, `events.amazonaws.com` …): AWS services acting for any account. */
function isServicePrincipal(principal: unknown): boolean {
  return typeof principal === "string" && /\.amazonaws\.com(\.cn)?$/.test(principal);
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
      const settings = Object.keys(variables).map((name) => ({
        name,
        value: peek(variables, name),
        where: "environment.variables",
      }));
      reportPlaintextSecrets(
        settings,
        report,
        "environment variable",
        "anyone with lambda:GetFunctionConfiguration",
      );
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
  {
    name: "aws-lambda-permission-restricted",
    area: "aws",
    severity: "high",
    description:
      "Lambda permissions name who may invoke: not `*` (unless limited to an organization), and a service principal " +
      "only with the `sourceArn` or `sourceAccount` it acts for, or any account's resource of that service can " +
      "invoke the function (the confused deputy).",
    remediationSteps:
      "Set `sourceArn` to the bucket, rule or API that invokes the function (and `sourceAccount` for S3), or name an " +
      "account or role in `principal`; for `*` add `principalOrgId`.",
    references: ["CKV_AWS_364", "CKV_AWS_301", "AWS FSBP Lambda.1"],
    validateResource: onInputs<PermissionArgs>(T.lambdaPermission, (permission, report, args) => {
      const principal = permission.principal;
      if (principal === "*") {
        if (
          !isSet(args.props, "principalOrgId") &&
          !isSet(args.props, "sourceArn") &&
          !isSet(args.props, "sourceAccount")
        )
          report(`principal "*" may call ${String(permission.action)}: anyone can invoke the function`);
        return;
      }
      if (
        isServicePrincipal(principal) &&
        !isSet(args.props, "sourceArn") &&
        !isSet(args.props, "sourceAccount")
      )
        report(
          `principal ${JSON.stringify(principal)} has no sourceArn or sourceAccount: any account's ` +
            `${String(principal).split(".")[0]} resources may invoke the function`,
        );
    }),
  },
  {
    name: "aws-lambda-tracing",
    area: "aws",
    severity: "low",
    description: "Lambda functions trace invocations with AWS X-Ray (`tracingConfig.mode: Active`).",
    remediationSteps: 'Set `tracingConfig: { mode: "Active" }` and allow the role xray:PutTraceSegments.',
    references: ["CKV_AWS_50"],
    validateResource: onInputs<FunctionArgs>(T.lambdaFunction, (fn, report) => {
      const mode = record(fn.tracingConfig).mode;
      if (mode !== "Active")
        report(`tracingConfig.mode is ${JSON.stringify(mode ?? "PassThrough (default)")}`);
    }),
  },
];
