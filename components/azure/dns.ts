// Private DNS for the network: a zone linked to a virtual network, so what registers in it (a PostgreSQL
// server, a private endpoint, an internal Container Apps environment) resolves from inside the network.
import * as pulumi from "@pulumi/pulumi";
import { PrivateZone, VirtualNetworkLink } from "@pulumi/azure-native/privatedns";
import { Tags } from "../core";

/** A private DNS zone and its link to a network. */
export interface LinkedZone {
  readonly zone: PrivateZone;
  readonly link: VirtualNetworkLink;
}

/**
 * A private DNS zone (`<child>`) linked to `vnetId` (`<child>-link`), without auto-registration: records
 * come from the services that own them, never from every VM in the network.
 */
export function linkedZone(
  scope: pulumi.Resource,
  child: string,
  zoneName: pulumi.Input<string>,
  where: { readonly resourceGroupName: pulumi.Input<string>; readonly vnetId: pulumi.Input<string> },
  tags: Tags,
): LinkedZone {
  const { resourceGroupName } = where;
  const zone = new PrivateZone(
    child,
    { resourceGroupName, location: "global", privateZoneName: zoneName, tags },
    { parent: scope },
  );
  const link = new VirtualNetworkLink(
    `${child}-link`,
    {
      resourceGroupName,
      location: "global",
      privateZoneName: zone.name,
      virtualNetwork: { id: where.vnetId },
      registrationEnabled: false,
      tags,
    },
    { parent: scope },
  );
  return { zone, link };
}
