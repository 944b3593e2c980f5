// Compliant raw resources for the AWS services beyond Groundwork's components (issue #13), each meeting
// every rule of its service, so a corpus program can change one argument and expect one policy to fire.
import * as ec2 from "@pulumi/aws/ec2";
import { TAGS } from "./kit";

/** An instance with IMDSv2, encrypted root and data volumes, detailed monitoring and no public IP. */
export function instance(name: string, args: Partial<ec2.InstanceArgs> = {}): ec2.Instance {
  return new ec2.Instance(name, {
    ami: "ami-0123456789abcdef0",
    instanceType: "t3.micro",
    subnetId: "subnet-0private",
    metadataOptions: { httpTokens: "required", httpPutResponseHopLimit: 1 },
    rootBlockDevice: { encrypted: true },
    ebsBlockDevices: [{ deviceName: "/dev/sdf", volumeSize: 20, encrypted: true }],
    monitoring: true,
    tags: TAGS,
    ...args,
  });
}

/** A launch template with IMDSv2, an encrypted root mapping and detailed monitoring. */
export function launchTemplate(name: string, args: Partial<ec2.LaunchTemplateArgs> = {}): ec2.LaunchTemplate {
  return new ec2.LaunchTemplate(name, {
    imageId: "ami-0123456789abcdef0",
    instanceType: "t3.micro",
    metadataOptions: { httpTokens: "required", httpEndpoint: "enabled" },
    blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true", volumeSize: 20 } }],
    monitoring: { enabled: true },
    tags: TAGS,
    ...args,
  });
}

/** A subnet of `vpcId`, public (a route table with a default route to an internet gateway) or not. */
export function subnet(
  name: string,
  vpcId: ec2.Vpc["id"],
  o: { public?: boolean; mapPublicIp?: boolean } = {},
): ec2.Subnet {
  const s = new ec2.Subnet(name, {
    vpcId,
    cidrBlock: "10.0.1.0/24",
    mapPublicIpOnLaunch: o.mapPublicIp ?? false,
    tags: TAGS,
  });
  if (o.public) {
    const igw = new ec2.InternetGateway(`${name}-igw`, { vpcId, tags: TAGS });
    const table = new ec2.RouteTable(`${name}-rt`, { vpcId, tags: TAGS });
    new ec2.Route(`${name}-default`, {
      routeTableId: table.id,
      destinationCidrBlock: "0.0.0.0/0",
      gatewayId: igw.id,
    });
    new ec2.RouteTableAssociation(`${name}-rta`, { subnetId: s.id, routeTableId: table.id });
  }
  return s;
}
