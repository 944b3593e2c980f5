// RBAC rules (CIS Kubernetes 5.1): Roles and ClusterRoles grant no wildcards, escalation verbs, Secret
// reads or pod creation; bindings never hand cluster-admin to ServiceAccounts or to every authenticated
// user, nor any role to anonymous callers or to a namespace's default ServiceAccount.
import type { ResourceValidationArgs } from "@pulumi/policy";
import type { ClusterRoleArgs, ClusterRoleBindingArgs } from "@pulumi/kubernetes/rbac/v1";
import { Report, ResourceRule } from "../../runtime";
import { Inputs, Props, TypedValidation, onInputs, record, records, strings } from "../../runtime/props";
import { knownField } from "../../runtime/unknowns";

const RBAC = "kubernetes:rbac.authorization.k8s.io/v1:";
/** Each kind with its server-side-apply Patch variant: a patch grants what it lists just the same. */
const withPatch = (...kinds: string[]): string[] => kinds.flatMap((k) => [RBAC + k, `${RBAC}${k}Patch`]);
const ROLES = withPatch("Role", "ClusterRole");
const BINDINGS = withPatch("RoleBinding", "ClusterRoleBinding");

/** Verbs that let a subject grant itself or act as someone with more than it holds (CIS Kubernetes 5.1.8). */
const ESCALATION_VERBS = ["escalate", "bind", "impersonate"];

/** Verbs that change an object. */
const MUTATING = ["create", "update", "patch", "delete", "deletecollection"];

/** Subjects every caller, signed in or not, belongs to. */
const ANONYMOUS = [
  { kind: "User", name: "system:anonymous" },
  { kind: "Group", name: "system:unauthenticated" },
];

/** Calls `check` with each rule of a Role or ClusterRole (and their patches), numbered as in the object. */
function onRoleRules(check: (rule: Props, at: string, report: Report) => void): TypedValidation {
  return onInputs<ClusterRoleArgs>(ROLES, (role, report) =>
    records(role.rules).forEach((rule, i) => check(rule, `rules[${i}]`, report)),
  );
}

type Binding = Inputs<ClusterRoleBindingArgs>;

/** Calls `check` with a RoleBinding or ClusterRoleBinding (and their patches) and its subjects. */
function onBinding(
  check: (binding: Binding, subjects: Props[], report: Report, args: ResourceValidationArgs) => void,
): TypedValidation {
  return onInputs<ClusterRoleBindingArgs>(BINDINGS, (binding, report, args) =>
    check(binding, records(binding.subjects), report, args),
  );
}

/** `ClusterRole "cluster-admin"`: a binding's role as messages name it (`?` for what preview does not know). */
function roleLabel(binding: Binding): string {
  const ref = record(binding.roleRef);
  return `${String(knownField(ref, "kind") ?? "?")} "${String(knownField(ref, "name") ?? "?")}"`;
}

/**
 * A rule over Role and ClusterRole rules granting any of `verbs` on any of `resources` (on anything when
 * left out). `*` is k8s-rbac-no-wildcard's finding, so it matches nothing here.
 */
function grantRule(
  meta: Omit<ResourceRule, "validateResource" | "area">,
  verbs: readonly string[],
  resources?: readonly string[],
): ResourceRule {
  return {
    ...meta,
    area: "kubernetes",
    validateResource: onRoleRules((rule, at, report) => {
      const granted = strings(rule.verbs).filter((v) => verbs.includes(v));
      const on = strings(rule.resources);
      if (granted.length === 0 || (resources !== undefined && !on.some((r) => resources.includes(r)))) return;
      report(`${at} grants ${granted.join(", ")} on ${on.join(", ") || "no resources"}`);
    }),
  };
}

/** `apps/deployer` for a ServiceAccount subject, parts unknown in preview shown as `?`. */
function accountName(s: Props): string {
  return [knownField(s, "namespace"), knownField(s, "name")].map((x) => String(x ?? "?")).join("/");
}

export const rbacRules: ResourceRule[] = [
  {
    name: "k8s-rbac-no-wildcard",
    area: "kubernetes",
    severity: "high",
    description:
      "Roles and ClusterRoles name their verbs and resources: no `*`, which also grants whatever the API adds later.",
    remediationSteps:
      "Replace `*` in `verbs` and `resources` with the verbs and resources the subject needs, one rule per resource group.",
    references: ["CIS Kubernetes 5.1.3", "CKV_K8S_49"],
    validateResource: onRoleRules((rule, at, report) => {
      for (const field of ["verbs", "resources"])
        if (strings(rule[field]).includes("*")) report(`${at} grants ${field} "*"`);
    }),
  },
  grantRule(
    {
      name: "k8s-rbac-escalation-verbs",
      severity: "high",
      description:
        "Roles and ClusterRoles do not grant `escalate`, `bind` or `impersonate`, which let a subject exceed its own rights.",
      remediationSteps:
        "Remove `escalate`, `bind` and `impersonate` from the rule; grant the roles the subject needs directly instead.",
      references: ["CIS Kubernetes 5.1.8", "CKV_K8S_157", "CKV_K8S_158"],
    },
    ESCALATION_VERBS,
  ),
  grantRule(
    {
      name: "k8s-rbac-secrets-access",
      severity: "medium",
      description:
        "Roles and ClusterRoles do not grant reading Secrets (get, list, watch), which hands over every credential in scope.",
      remediationSteps:
        "Mount the Secrets the workload needs instead of reading them through the API, or grant `get` with `resourceNames`.",
      references: ["CIS Kubernetes 5.1.2"],
    },
    ["get", "list", "watch"],
    ["secrets"],
  ),
  grantRule(
    {
      name: "k8s-rbac-pod-create",
      severity: "medium",
      description:
        "Roles and ClusterRoles do not grant creating pods, which can run anything as any ServiceAccount in the namespace.",
      remediationSteps:
        "Let a controller (Deployment, Job) create the pods; grant the subject rights on that object instead.",
      references: ["CIS Kubernetes 5.1.4"],
    },
    ["create"],
    ["pods"],
  ),
  ...[
    {
      name: "k8s-rbac-persistent-volume-create",
      description:
        "Roles and ClusterRoles do not grant creating PersistentVolumes, which can mount any host path.",
      references: ["CIS Kubernetes 5.1.9"],
      verbs: ["create"],
      resources: ["persistentvolumes"],
    },
    {
      name: "k8s-rbac-node-proxy",
      description:
        "Roles and ClusterRoles grant nothing on `nodes/proxy`, which reaches the kubelet API past audit.",
      references: ["CIS Kubernetes 5.1.10"],
      verbs: MUTATING.concat("get", "list", "watch"),
      resources: ["nodes/proxy"],
    },
    {
      name: "k8s-rbac-csr-approval",
      description:
        "Roles and ClusterRoles do not grant approving CertificateSigningRequests, which mints credentials.",
      references: ["CIS Kubernetes 5.1.11", "CKV_K8S_156"],
      verbs: ["update", "patch"],
      resources: ["certificatesigningrequests/approval"],
    },
    {
      name: "k8s-rbac-admission-webhooks",
      description:
        "Roles and ClusterRoles do not change admission webhooks, which see and alter every object admitted.",
      references: ["CIS Kubernetes 5.1.12", "CKV_K8S_155"],
      verbs: MUTATING,
      resources: ["validatingwebhookconfigurations", "mutatingwebhookconfigurations"],
    },
    {
      name: "k8s-rbac-token-create",
      description:
        "Roles and ClusterRoles do not grant creating ServiceAccount tokens, which act as those accounts.",
      references: ["CIS Kubernetes 5.1.13"],
      verbs: ["create"],
      resources: ["serviceaccounts/token"],
    },
  ].map(({ verbs, resources, ...meta }) =>
    grantRule(
      {
        ...meta,
        severity: "medium",
        remediationSteps: `Remove ${verbs.join("/")} on ${resources.join(", ")} from the rule; waive a controller that needs it.`,
      },
      verbs,
      resources,
    ),
  ),
  {
    name: "k8s-rbac-cluster-admin-binding",
    area: "kubernetes",
    severity: "critical",
    description:
      "cluster-admin (or a configured equivalent) is not bound to ServiceAccounts or to the `system:authenticated` group.",
    remediationSteps:
      "Bind a Role or ClusterRole with only the permissions needed; list a controller that truly needs cluster-admin in `allowedServiceAccounts`.",
    references: ["CIS Kubernetes 5.1.1"],
    configSchema: {
      properties: {
        adminRoles: {
          type: "array",
          items: { type: "string" },
          default: ["cluster-admin"],
          description: "ClusterRoles treated as cluster-admin.",
        },
        allowedServiceAccounts: {
          type: "array",
          items: { type: "string" },
          default: [],
          description:
            'ServiceAccounts ("namespace/name") allowed to hold them, such as a GitOps controller.',
        },
      },
    },
    validateResource: onBinding((binding, subjects, report, args) => {
      const c = args.getConfig<{ adminRoles?: string[]; allowedServiceAccounts?: string[] }>();
      const ref = record(binding.roleRef);
      if (ref.kind !== "ClusterRole" || !(c.adminRoles ?? ["cluster-admin"]).includes(String(ref.name)))
        return;
      const allowed = c.allowedServiceAccounts ?? [];
      for (const s of subjects) {
        if (s.kind === "Group" && s.name === "system:authenticated")
          report(`binds ${roleLabel(binding)} to every authenticated user (group system:authenticated)`);
        if (s.kind !== "ServiceAccount") continue;
        // The account is read in full only when some are allowed: in preview its name is often unknown,
        // and any ServiceAccount holding cluster-admin is a finding whatever its name.
        if (allowed.length > 0 && allowed.includes(`${s.namespace}/${s.name}`)) continue;
        report(`binds ${roleLabel(binding)} to ServiceAccount "${accountName(s)}"`);
      }
    }),
  },
  {
    name: "k8s-rbac-anonymous-binding",
    area: "kubernetes",
    severity: "critical",
    description: "No role is bound to `system:anonymous` or `system:unauthenticated`: to anyone.",
    remediationSteps: "Bind the role to named users, groups or ServiceAccounts, never to anonymous callers.",
    references: ["CIS Kubernetes 5.1.1", "NSA/CISA Kubernetes Hardening Guide"],
    validateResource: onBinding((binding, subjects, report) => {
      for (const s of subjects)
        if (ANONYMOUS.some((a) => a.kind === s.kind && a.name === s.name))
          report(`binds ${roleLabel(binding)} to ${String(s.kind)} ${String(s.name)}`);
    }),
  },
  {
    name: "k8s-rbac-default-service-account",
    area: "kubernetes",
    severity: "medium",
    description:
      "No role is bound to a namespace's `default` ServiceAccount, which every pod without its own account runs as.",
    remediationSteps: "Create a ServiceAccount for the workload and bind the role to it.",
    references: ["CIS Kubernetes 5.1.5"],
    validateResource: onBinding((binding, subjects, report) => {
      for (const s of subjects)
        if (s.kind === "ServiceAccount" && s.name === "default")
          report(
            `binds ${roleLabel(binding)} to the default ServiceAccount of "${String(knownField(s, "namespace") ?? "?")}"`,
          );
    }),
  },
];
