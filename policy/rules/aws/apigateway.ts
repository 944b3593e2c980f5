// AWS API Gateway rules: custom domain names (REST and HTTP/WebSocket APIs) refuse TLS below 1.2, and every
// stage writes access logs; REST stages trace with X-Ray. A REST API's resource policy granting `*` is not
// refused: an API without one is reachable by anyone anyway, and its methods' authorization decides.
import type {
  DomainNameArgs as RestDomainNameArgs,
  StageArgs as RestStageArgs,
} from "@pulumi/aws/apigateway";
import type { DomainNameArgs as HttpDomainNameArgs } from "@pulumi/aws/apigatewayv2";
import { ResourceRule } from "../../runtime";
import { inputsOf, record } from "../../runtime/props";
import { isSet } from "../../runtime/unknowns";
import { T } from "./resource-types";

/**
 * API Gateway security policies admitting only TLS 1.2 or later: `TLS_1_2`, and the enhanced policies of
 * 2025 named `SecurityPolicy_TLS13_1_2_…` / `SecurityPolicy_TLS13_1_3_…` (names read from
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-security-policies-list.html; the
 * prefix match is a guess that newer dated variants keep the pattern).
 */
function tls12OrLater(policy: string): boolean {
  return policy === "TLS_1_2" || /^SecurityPolicy_TLS13_1_[23]/.test(policy);
}

export const apigatewayRules: ResourceRule[] = [
  {
    name: "aws-apigateway-domain-tls",
    area: "aws",
    severity: "high",
    description:
      "API Gateway custom domain names refuse TLS below 1.2: a REST domain's `securityPolicy` defaults to TLS_1_0, " +
      "so it is set to TLS_1_2 (or a TLS 1.3 policy); HTTP and WebSocket domains say TLS_1_2.",
    remediationSteps:
      'Set `securityPolicy: "TLS_1_2"` (REST) or `domainNameConfiguration.securityPolicy: "TLS_1_2"` (HTTP APIs).',
    references: ["CKV_AWS_206"],
    types: [...T.restDomainName, ...T.httpDomainName],
    validateResource(args, report) {
      const rest = inputsOf<RestDomainNameArgs>(args, T.restDomainName);
      const http = inputsOf<HttpDomainNameArgs>(args, T.httpDomainName);
      const [field, policy] = rest
        ? ["securityPolicy", rest.securityPolicy ?? "TLS_1_0 (the default)"]
        : ["domainNameConfiguration.securityPolicy", record(http?.domainNameConfiguration).securityPolicy];
      if (policy !== undefined && !tls12OrLater(String(policy)))
        report(`${field} is ${JSON.stringify(policy)}: clients may negotiate TLS 1.0 or 1.1`);
    },
  },
  {
    name: "aws-apigateway-access-logs",
    area: "aws",
    severity: "medium",
    description: "API Gateway stages (REST, HTTP and WebSocket) write access logs to a destination.",
    remediationSteps:
      "Set `accessLogSettings: { destinationArn: <log group ARN>, format: <JSON format> }` on the stage.",
    references: ["CKV_AWS_76", "AWS FSBP APIGateway.9"],
    types: [...T.restStage, ...T.httpStage],
    validateResource(args, report) {
      if (!isSet(record(record(args.props).accessLogSettings), "destinationArn"))
        report("accessLogSettings.destinationArn is not set: requests are not logged");
    },
  },
  {
    name: "aws-apigateway-tracing",
    area: "aws",
    severity: "low",
    description: "API Gateway REST stages trace requests with AWS X-Ray.",
    remediationSteps: "Set `xrayTracingEnabled: true` on the stage.",
    references: ["CKV_AWS_73", "AWS FSBP APIGateway.3"],
    types: T.restStage,
    validateResource(args, report) {
      if (inputsOf<RestStageArgs>(args, T.restStage)?.xrayTracingEnabled !== true)
        report("xrayTracingEnabled is not true");
    },
  },
];
