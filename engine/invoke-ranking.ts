// How often public Pulumi TypeScript programs call each invoke: the head of this list is what the offline
// answers must cover (tests/engine/invokes.spec.ts holds them to it). Counted by scripts/rank-invokes.ts
// over the repositories below (each token once per program, a program being a directory with a
// Pulumi.yaml), pulumi/examples and pulumi/compliance-policies excluded as held-out measures. Tokens
// called by one program only are left out.

/** The repositories counted, each at the commit read. */
export const RANKING_CORPUS: readonly { readonly repo: string; readonly commit: string }[] = [
  { repo: "AbdoHerO/Infrastructure_as_code_Pulumi", commit: "bab174063980e02348ce5dfa68cf750481997782" },
  { repo: "ApexCaptain/ApexCaptain.IaC.Pulumi", commit: "a43c21a739a6f12818eae246d82e141c9c39292d" },
  { repo: "DefangLabs/pulumi-defang", commit: "72bfd43dc626130892d432e78963c15eaa3bb77d" },
  { repo: "Global-Slice/pulumi-gcpx", commit: "982c7db3ad455f9f0be6ee82c2e453df8af7ef29" },
  { repo: "MiguelPazo/pulumi_aws_utils", commit: "6f0725e9608397d9262f61d001e30c901fe084dc" },
  { repo: "MitchellGerdisch/pulumi-work", commit: "e310417f359eaa05ac743ec43fbf44f67afc1a26" },
  { repo: "Odonno/pulumi-azure-todolist-example", commit: "7d0c7ace6f86856f4baf04a6a4e45418fef522a3" },
  {
    repo: "Shaieb524/pulumi-azure-microservices-solution",
    commit: "812cd19778257404dd63ae71e9d1fc264a583438",
  },
  { repo: "alayshia/pulumi-azure-mssql-webapp", commit: "0dc5cd34c9c7dfc2b635d29c90e99afd8284d687" },
  { repo: "artcoded-net/vendure-pulumi-gcp", commit: "d1eb55c63e2cbda0580dae158e3630001e40a699" },
  { repo: "baoduy/drunk-pulumi-azure", commit: "a481f5bf3099a1e07049fd2f07b4eb3ad4849941" },
  { repo: "baoduy/drunk-pulumi-azure-components", commit: "89e303b9368e79298c26d1f68eb39d2dfa755e40" },
  { repo: "davidmontoyago/pulumi-gcp-bootstrap", commit: "be9ddc9fad0abcc2834553da147c7bffb05efecc" },
  {
    repo: "davidmontoyago/pulumi-gcp-vertex-model-deployment",
    commit: "d8d76fee9e6882f29dbccb822428e9d10f59bf98",
  },
  { repo: "eleleung/pulumi-gcp-typescript-template", commit: "89da2a8da82becadc39de4d24f8e024d792b6a0a" },
  { repo: "jaxxstorm/pulumi-examples", commit: "400071f0af67d6e0be89aee69769502937f83824" },
  { repo: "kalhenrick/pulumi-azure-caf", commit: "394082841d30b0f63e2c11728022657fa5208ab4" },
  { repo: "kristianmandrup/pulumi-gcp-ts-gke", commit: "faa1a7dbfe5d576222f4963e45bd362a39f6cedb" },
  { repo: "nave-aki/pulumi-azure-ts-examples", commit: "18b62b29b26431750375099e8aa6358f1f372d41" },
  { repo: "pSharpX/pulumi-labs", commit: "078761384b048c5640cd636b0c14223d23f815c5" },
  { repo: "pulumi/automation-api-examples", commit: "124e3e3ed839f1dc026f686e826b6b646d9f136a" },
  { repo: "pulumi/infrastructure-as-code-workshop", commit: "a4d142c9237d8e9a4c1868f8b15e776a244c0e2f" },
  { repo: "pulumi/pulumi-awsx", commit: "e60adf3cf01f3ac03cc6bc846cdd0df320afed23" },
  { repo: "pulumi/pulumi-azure-justrun", commit: "bd8aab71e50309a943499715089afc2fc16e344d" },
  { repo: "pulumi/pulumi-eks", commit: "7bf0c1b179932ce51cb02dfc4f9bd0d7550cb0cd" },
  { repo: "pulumi/pulumi-gcp-global-cloudrun", commit: "fd07f48e5d366bcb71ee0476a82ac46a7f61e8ce" },
  { repo: "pulumi/pulumi-self-hosted-installers", commit: "0d69dc0168d87c045e86df85231db08c418ef162" },
  { repo: "pulumi/pulumitv", commit: "5005205e3f229fcc78e34a4aa171852bd052589b" },
  { repo: "pulumi/templates", commit: "65db26bfbdb2fef067d2a10dcadef7b553b36d60" },
  { repo: "pulumi/workshops", commit: "ef26558b87e343d0dd3c18c65698a979609635ba" },
  { repo: "soniharshil54/gcp-infra-pulumi", commit: "238a95f6e7e3118f9ade57d15820b07de0b10154" },
  { repo: "soufantech/pulumi-aws-contrib", commit: "fb5462f49c350f9cfd2fb6501003b72d6fc47aa8" },
  { repo: "surajchouhan24/pulumi-azure-fastApi-react", commit: "b5991dbb93e959473e862dbd7c1aa9d8f0ac2e65" },
  { repo: "tusharshahrs/pulumi-home", commit: "fc21bd360b6f0075be688d6d55a1ea79c6bfe491" },
  { repo: "tusharshahrs/pulumi-homelab", commit: "150e71ea22b4b06576fb5b48bffe2937f4a773e7" },
  { repo: "ultramozg/pulumi", commit: "9366dcf84963765446a7bfb8c7a4e81f25bacbb3" },
];

/** Programs in the corpus that import a provider SDK. */
export const RANKED_PROGRAMS = 662;

/** Invoke tokens by the number of programs calling them, most first. */
export const INVOKE_RANKING: readonly { readonly token: string; readonly programs: number }[] = [
  { token: "aws:ec2/getAmi:getAmi", programs: 25 },
  { token: "azure-native:storage:listStorageAccountKeys", programs: 21 },
  { token: "aws:iam/getPolicyDocument:getPolicyDocument", programs: 18 },
  { token: "aws:index/getCallerIdentity:getCallerIdentity", programs: 18 },
  { token: "aws:index/getAvailabilityZones:getAvailabilityZones", programs: 15 },
  { token: "aws:index/getRegion:getRegion", programs: 14 },
  { token: "aws:route53/getZone:getZone", programs: 13 },
  { token: "azure-native:authorization:getClientConfig", programs: 8 },
  { token: "aws:ec2/getSubnets:getSubnets", programs: 7 },
  { token: "aws:ec2/getVpc:getVpc", programs: 7 },
  { token: "aws:ssm/getParameter:getParameter", programs: 7 },
  { token: "aws:ec2/getSubnet:getSubnet", programs: 5 },
  { token: "azure-native:containerservice:listManagedClusterUserCredentials", programs: 5 },
  { token: "gcp:container/getEngineVersions:getEngineVersions", programs: 5 },
  { token: "aws:ecr/getAuthorizationToken:getAuthorizationToken", programs: 4 },
  { token: "azure-native:containerservice:listManagedClusterAdminCredentials", programs: 4 },
  { token: "azure-native:storage:listStorageAccountServiceSAS", programs: 4 },
  { token: "aws:index/getPartition:getPartition", programs: 3 },
  { token: "aws:lb/getLoadBalancer:getLoadBalancer", programs: 3 },
  { token: "aws:ec2/getRouteTable:getRouteTable", programs: 2 },
  { token: "aws:ec2/getRouteTables:getRouteTables", programs: 2 },
  { token: "aws:ec2/getSecurityGroup:getSecurityGroup", programs: 2 },
  { token: "aws:eks/getAddonVersion:getAddonVersion", programs: 2 },
  { token: "aws:iam/getOpenIdConnectProvider:getOpenIdConnectProvider", programs: 2 },
  { token: "azure-native:appconfiguration:listConfigurationStoreKeys", programs: 2 },
  { token: "azure-native:containerregistry:listRegistryCredentials", programs: 2 },
  { token: "azure-native:network:getPublicIPAddress", programs: 2 },
  { token: "azure-native:operationalinsights:getSharedKeys", programs: 2 },
  { token: "azure-native:redis:listRedisKeys", programs: 2 },
  { token: "azure-native:search:listQueryKeyBySearchService", programs: 2 },
  { token: "azure-native:servicebus:listNamespaceKeys", programs: 2 },
  { token: "azure-native:signalrservice:listSignalRKeys", programs: 2 },
];
