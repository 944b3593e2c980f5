// The Go schema reader behind scripts/facts/derive.ts, on the shapes terraform-provider-aws writes: SDK v2
// maps keyed by literals and constants (`names.AttrTags`, a file's own `routeDestinationCIDRBlock`), and
// terraform-plugin-framework schemas whose replacements are `RequiresReplace()` plan modifiers. The
// snippets are written for these tests in the providers' shapes; the real files are read by derive.ts.
import * as assert from "assert";
import { compactLists } from "../../scripts/facts/derive";
import { goStringConstants, parseTerraformSchema } from "../../scripts/facts/terraform-schema";

const SDK_V2 = `
package ec2

const (
	routeDestinationCIDRBlock = "destination_cidr_block"
)

func ResourceRoute() *schema.Resource {
	return &schema.Resource{
		Schema: map[string]*schema.Schema{
			routeDestinationCIDRBlock: {
				Type:     schema.TypeString,
				Optional: true,
				ForceNew: true,
			},
			names.AttrKMSKeyID: {
				Type:     schema.TypeString,
				Optional: true,
			},
			"route_table_id": {
				Type:     schema.TypeString,
				Required: true,
				ForceNew: true,
			},
			"state": {
				Type:     schema.TypeString,
				Computed: true,
			},
			names.AttrTags: tftags.TagsSchema(),
		},
	}
}
`;

const FRAMEWORK = `
package s3

func (r *resourceLifecycle) Schema(ctx context.Context, req resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Attributes: map[string]schema.Attribute{
			names.AttrBucket: schema.StringAttribute{
				Required: true,
				PlanModifiers: []planmodifier.String{
					stringplanmodifier.RequiresReplace(),
				},
			},
			"expected_bucket_owner": schema.StringAttribute{
				Optional: true,
				PlanModifiers: []planmodifier.String{
					stringplanmodifier.RequiresReplaceIfConfigured(),
				},
			},
			names.AttrID: framework.IDAttribute(),
			"arn": schema.StringAttribute{
				Computed: true,
				PlanModifiers: []planmodifier.String{
					stringplanmodifier.UseStateForUnknown(),
				},
			},
		},
		Blocks: map[string]schema.Block{
			names.AttrRule: schema.ListNestedBlock{
				NestedObject: schema.NestedBlockObject{
					Attributes: map[string]schema.Attribute{
						names.AttrStatus: schema.StringAttribute{
							Required: true,
						},
					},
					Blocks: map[string]schema.Block{
						"expiration": schema.ListNestedBlock{
							Validators: []validator.List{
								listvalidator.SizeAtMost(1),
							},
							NestedObject: schema.NestedBlockObject{
								Attributes: map[string]schema.Attribute{
									"days": schema.Int32Attribute{
										Optional: true,
										PlanModifiers: []planmodifier.Int32{
											int32planmodifier.RequiresReplace(),
										},
									},
								},
							},
						},
					},
				},
			},
		},
	}
}
`;

describe("scripts/facts: the Go schema reader", () => {
  it("reads SDK v2 keys written as literals, as names constants and as the file's own constants", () => {
    const attrs = parseTerraformSchema(SDK_V2, "ResourceRoute", { AttrKMSKeyID: "kms_key_id" });
    assert.deepStrictEqual(
      attrs.map((a) => [a.path, a.forceNew, a.computedOnly]),
      [
        ["destination_cidr_block", true, false],
        ["kms_key_id", false, false],
        ["route_table_id", true, false],
        ["state", false, true],
        ["tags", false, false],
      ],
    );
    assert.deepStrictEqual(compactLists(attrs), {
      replace: ["destinationCidrBlock", "routeTableId"],
      update: ["kmsKeyId", "tags"],
    });
  });

  it("names a constant the names package does not define the way that package does", () => {
    const attrs = parseTerraformSchema(SDK_V2, "ResourceRoute");
    assert.ok(
      attrs.some((a) => a.path === "kms_key_id"),
      "AttrKMSKeyID → kms_key_id",
    );
  });

  it("reads a framework schema method: RequiresReplace modifiers, computed-only attributes, nested blocks", () => {
    const attrs = parseTerraformSchema(FRAMEWORK, "resourceLifecycle.Schema", { AttrRule: "rule" });
    assert.deepStrictEqual(
      attrs.map((a) => [a.path, a.forceNew, a.computedOnly, a.pluralList]),
      [
        ["bucket", true, false, false],
        ["expected_bucket_owner", true, false, false],
        ["id", false, false, false],
        ["arn", false, true, false],
        ["rule", false, false, true],
        ["rule.status", false, false, false],
        ["rule.expiration", false, false, false],
        ["rule.expiration.days", true, false, false],
      ],
    );
    // The bridge's names: a list block without a one-item cap is plural (`rules`), a capped one is not.
    assert.deepStrictEqual(compactLists(attrs), {
      replace: ["bucket", "expectedBucketOwner", "rules.expiration.days"],
      update: ["id", "rules", "rules.expiration", "rules.status"],
    });
  });

  it("reads Go string constants in and out of const blocks", () => {
    assert.deepStrictEqual(
      goStringConstants('const (\n\tAttrTags = "tags"\n\tlocal string = "x_y"\n)\nconst AttrARN = "arn"\n'),
      { AttrTags: "tags", local: "x_y", AttrARN: "arn" },
    );
  });

  it("refuses an entry the source does not define", () => {
    assert.throws(() => parseTerraformSchema(FRAMEWORK, "resourceOther.Schema"), /no definition/);
  });
});
