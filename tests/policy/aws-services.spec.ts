// The AWS rules beyond Groundwork's components (issue #13), each with programs that pass and programs
// that fail, edge cases included, and what a rule says while its decisive value is unknown in preview.
// The corpus (corpus/) holds one failing program per rule; these add the passing side and the edges.
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import * as iam from "@pulumi/aws/iam";
import * as s3 from "@pulumi/aws/s3";
import { synth } from "../../testing";
import { PolicyReport, evaluatePolicies } from "../../check";
import { bucket } from "./kit";

/** A program that must leave `policy` silent (`fail: undefined`) or fire it with a message matching `fail`. */
export interface RuleCase {
  readonly policy: string;
  readonly title: string;
  readonly program: () => void;
  readonly fail?: RegExp;
  readonly config?: Record<string, unknown>;
}

async function evaluate(
  program: () => void,
  preview: boolean,
  config?: Record<string, unknown>,
): Promise<PolicyReport> {
  const graph = await synth(program, {
    stack: "dev",
    project: "rules",
    preview,
    config: { "aws:region": "eu-west-1" },
  });
  return evaluatePolicies(graph, { config, now: new Date("2026-01-15T12:00:00Z") });
}

function messages(report: PolicyReport, policy: string): string[] {
  return report.violations.filter((v) => v.policy === policy).map((v) => v.message);
}

/** Runs every case in update mode: a pass reports nothing for its policy, a fail reports a matching finding. */
export function ruleCases(cases: readonly RuleCase[]): void {
  for (const c of cases) {
    it(`${c.policy}: ${c.title} ${c.fail ? "fails" : "passes"}`, async () => {
      const found = messages(await evaluate(c.program, false, c.config), c.policy);
      if (c.fail === undefined) assert.deepStrictEqual(found, []);
      else
        assert.ok(
          found.some((m) => c.fail!.test(m)),
          `no finding matching ${c.fail}: ${JSON.stringify(found)}`,
        );
    });
  }
}

/** The program's `policy` is undecided (not violated) in preview, and violated in update. */
export function undecidedInPreview(policy: string, title: string, program: () => void): void {
  it(`${policy}: ${title} is undecided in preview, a violation in update`, async () => {
    const preview = await evaluate(program, true);
    assert.deepStrictEqual(messages(preview, policy), []);
    assert.ok(
      preview.undecided.some((u) => u.policy === policy),
      JSON.stringify(preview.undecided),
    );
    assert.ok(messages(await evaluate(program, false), policy).length > 0);
  });
}

/** A policy document with one statement. */
export function doc(statement: Record<string, unknown>): string {
  return JSON.stringify({ Version: "2012-10-17", Statement: [statement] });
}

const READ = { Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::site/*" };

function bucketPolicy(statement: Record<string, unknown>): () => void {
  return () => {
    const b = bucket("site");
    new s3.BucketPolicy("site-extra", { bucket: b.id, policy: doc(statement) });
  };
}

describe("AWS rules: S3 access", function () {
  this.timeout(60_000);
  ruleCases([
    {
      policy: "aws-s3-no-public-policy",
      title: "the hardened bucket (a Deny to * for plain HTTP)",
      program: () => void bucket("site"),
    },
    {
      policy: "aws-s3-no-public-policy",
      title: "Principal * restricted by aws:PrincipalOrgID",
      program: bucketPolicy({
        ...READ,
        Principal: "*",
        Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } },
      }),
    },
    {
      policy: "aws-s3-no-public-policy",
      title: "a service principal with aws:SourceArn",
      program: bucketPolicy({
        ...READ,
        Principal: { Service: "cloudfront.amazonaws.com" },
        Condition: { StringEquals: { "aws:SourceArn": "arn:aws:cloudfront::123456789012:distribution/E1" } },
      }),
    },
    {
      policy: "aws-s3-no-public-policy",
      title: "{ AWS: ['*'] } with only aws:SecureTransport",
      program: bucketPolicy({
        ...READ,
        Principal: { AWS: ["*"] },
        Condition: { Bool: { "aws:SecureTransport": "true" } },
      }),
      fail: /s3:GetObject to Principal "\*"/,
    },
    {
      policy: "aws-s3-no-public-policy",
      title: "aws:SourceAccount under StringEqualsIfExists",
      program: bucketPolicy({
        ...READ,
        Principal: "*",
        Condition: { StringEqualsIfExists: { "aws:SourceAccount": "123456789012" } },
      }),
      fail: /Principal "\*"/,
    },
    {
      policy: "aws-s3-no-public-policy",
      title: "an Allow with NotPrincipal",
      program: bucketPolicy({ ...READ, NotPrincipal: { AWS: "arn:aws:iam::123456789012:root" } }),
      fail: /Principal "\*"/,
    },
    {
      policy: "aws-s3-no-public-policy",
      title: "an inline policy on the bucket",
      program: () => void bucket("site", { args: { policy: doc({ ...READ, Principal: "*" }) } }),
      fail: /Principal "\*"/,
    },
    {
      policy: "aws-s3-no-public-acl",
      title: "a private canned ACL and a grant to the owner",
      program: () => {
        const b = bucket("site");
        new s3.BucketAcl("site-acl", {
          bucket: b.id,
          accessControlPolicy: {
            owner: { id: "owner" },
            grants: [{ grantee: { type: "CanonicalUser", id: "owner" }, permission: "FULL_CONTROL" }],
          },
        });
      },
    },
    {
      policy: "aws-s3-no-public-acl",
      title: "an inline bucket grant to AllUsers",
      program: () =>
        void bucket("site", {
          args: {
            grants: [
              {
                type: "Group",
                uri: "http://acs.amazonaws.com/groups/global/AllUsers",
                permissions: ["READ"],
              },
            ],
          },
        }),
      fail: /READ to AllUsers/,
    },
  ]);
  undecidedInPreview("aws-s3-no-public-policy", "a policy naming the bucket's ARN", () => {
    const b = bucket("site");
    new s3.BucketPolicy("site-public", {
      bucket: b.id,
      policy: pulumi.jsonStringify({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Principal: "*",
            Action: "s3:GetObject",
            Resource: pulumi.interpolate`${b.arn}/*`,
          },
        ],
      }),
    });
  });
});

const TRUST_ECS = doc({
  Effect: "Allow",
  Principal: { Service: "ecs-tasks.amazonaws.com" },
  Action: "sts:AssumeRole",
});

describe("AWS rules: IAM", function () {
  this.timeout(60_000);
  ruleCases([
    {
      policy: "aws-iam-no-passrole-wildcard",
      title: "iam:PassRole on one role ARN",
      program: () =>
        void new iam.RolePolicy("pass", {
          role: "deploy",
          policy: doc({
            Effect: "Allow",
            Action: "iam:PassRole",
            Resource: "arn:aws:iam::123456789012:role/app",
          }),
        }),
    },
    {
      policy: "aws-iam-no-passrole-wildcard",
      title: "iam:Pass* on * in a managed policy",
      program: () =>
        void new iam.Policy("pass", {
          policy: doc({ Effect: "Allow", Action: ["iam:Pass*"], Resource: "*" }),
        }),
      fail: /iam:Pass\* on "\*"/,
    },
    {
      policy: "aws-iam-no-wildcard-admin",
      title: "a role's inline policy scoped to one bucket",
      program: () =>
        void new iam.Role("app", {
          assumeRolePolicy: TRUST_ECS,
          inlinePolicies: [
            { name: "read", policy: doc({ Effect: "Allow", Action: "s3:*", Resource: "arn:aws:s3:::a/*" }) },
          ],
        }),
    },
    {
      policy: "aws-iam-trust-no-public-principal",
      title: "a service principal",
      program: () => void new iam.Role("app", { assumeRolePolicy: TRUST_ECS }),
    },
    {
      policy: "aws-iam-trust-no-public-principal",
      title: "* restricted to the organization",
      program: () =>
        void new iam.Role("org", {
          assumeRolePolicy: doc({
            Effect: "Allow",
            Principal: "*",
            Action: "sts:AssumeRole",
            Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } },
          }),
        }),
    },
    {
      policy: "aws-iam-trust-no-public-principal",
      title: "* with only an external id",
      program: () =>
        void new iam.Role("ext", {
          assumeRolePolicy: doc({
            Effect: "Allow",
            Principal: { AWS: "*" },
            Action: "sts:AssumeRole",
            Condition: { StringEquals: { "sts:ExternalId": "shared" } },
          }),
        }),
      fail: /sts:AssumeRole to Principal "\*"/,
    },
    {
      policy: "aws-iam-no-user-policies",
      title: "a PolicyAttachment to groups and roles",
      program: () =>
        void new iam.PolicyAttachment("ro", {
          policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess",
          groups: ["auditors"],
          roles: ["auditor"],
        }),
    },
    {
      policy: "aws-iam-no-user-policies",
      title: "a PolicyAttachment naming a user",
      program: () =>
        void new iam.PolicyAttachment("ro", {
          policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess",
          users: ["bob"],
        }),
      fail: /includes 1 user/,
    },
    {
      policy: "aws-iam-no-user-policies",
      title: "an inline UserPolicy",
      program: () =>
        void new iam.UserPolicy("bob", {
          user: "bob",
          policy: doc({ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::a/*" }),
        }),
      fail: /attached directly to a user/,
    },
  ]);
});
