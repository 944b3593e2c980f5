// Corpus: aws vpc private subnet public ip.
import { CorpusEntry, vpc } from "../kit";
import { instance, subnet } from "../aws-kit";

// A subnet with no route to the internet that still hands out public IPs, and an instance asking for one.
export const entry: CorpusEntry = {
  description: "mapPublicIpOnLaunch and associatePublicIpAddress in a subnet with no internet gateway route",
  expect: ["aws-vpc-subnet-no-public-ip-on-launch", "aws-ec2-no-public-ip-private-subnet"],
  program: () => {
    const s = subnet("app", vpc("main").id, { mapPublicIp: true });
    instance("api", { subnetId: s.id, associatePublicIpAddress: true });
  },
};
