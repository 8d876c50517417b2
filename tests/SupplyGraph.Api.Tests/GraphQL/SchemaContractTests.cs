using System.Text.RegularExpressions;
using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using Microsoft.Extensions.DependencyInjection;
using SupplyGraph.Api.Tests.Infrastructure;

namespace SupplyGraph.Api.Tests.GraphQL;

/// <summary>The field names and types are the API's contract: the printed schema must hold each of these definitions.</summary>
[Collection(SmallGraphCollection.Name)]
public sealed partial class SchemaContractTests(SmallGraphHost host)
{
    public static TheoryData<string> ContractDefinitions =>
    [
        """
        type Query {
          entity(ref: String!): Entity
          search(text: String!, kinds: [EntityKind!], first: Int): [Entity!]
          profile(entity: String!, asOf: Date): Profile
          supplyChain(entity: String!, asOf: Date, maxHops: Int): SupplyChain
          exportControls(entity: String!, asOf: Date, maxHops: Int, maxPaths: Int): ExportControls
          exposure(regulation: String!, asOf: Date, maxHops: Int, maxPaths: Int): Exposure
          paths(from: String!, to: String!, maxHops: Int, types: [RelationshipType!], asOf: Date, maxPaths: Int): PathResult
          changes(entity: String!, from: Date!, to: Date!, maxHops: Int): Changes
          entities(where: EntityWhere, order: EntityOrder, first: Int, after: String): EntityConnection!
          relationships(entity: String, where: RelationshipWhere, order: RelationshipOrder, first: Int, after: String): RelationshipConnection!
          counts(by: CountDimension!, where: EntityWhere, relationshipWhere: RelationshipWhere, asOf: Date, entity: String): Counts
          relationshipTypes: [RelationshipTypeInfo!]
        }
        """,
        "interface Entity { id: ID! kind: EntityKind! name: String! aliases: [String!]! country: String description: String tags: [String!]! sources: [Source!]! relationships(where: RelationshipWhere order: RelationshipOrder first: Int after: String): RelationshipConnection! }",
        "category: ActorCategory! website: String }",
        "designerId: String foundryIds: [String!]! process: String }",
        "developerId: String releaseDate: Date parameters: Long activeParameters: Long }",
        "issuerId: String! jurisdiction: String! announced: Date effective: Date! rescinded: Date citation: String! summary: String! }",
        "type EntityConnection { edges: [EntityEdge!]! pageInfo: PageInfo! totalCount: Int! }",
        "type EntityEdge { cursor: String! node: Entity! }",
        "type RelationshipConnection { edges: [RelationshipEdge!]! pageInfo: PageInfo! totalCount: Int! }",
        "type RelationshipEdge { cursor: String! node: Relationship! }",
        "type PageInfo { hasNextPage: Boolean! endCursor: String }",
        "input EntityWhere { kind: [EntityKind!] category: [ActorCategory!] country: [String!] tags: [String!] text: String and: [EntityWhere!] or: [EntityWhere!] not: EntityWhere }",
        "input RelationshipWhere { type: [RelationshipType!] direction: RelationshipDirection status: [RelationshipStatus!] validOn: Date validDuring: DayRange sourceDocument: [String!] and: [RelationshipWhere!] or: [RelationshipWhere!] not: RelationshipWhere }",
        "input DayRange { from: Date to: Date }",
        "input EntityOrder { by: EntityOrderField! direction: SortDirection = ASCENDING }",
        "input RelationshipOrder { by: RelationshipOrderField! direction: SortDirection = ASCENDING }",
        "enum EntityOrderField { NAME KIND COUNTRY ID RELEASE_DATE ANNOUNCED EFFECTIVE RESCINDED }",
        "enum RelationshipOrderField { KEY TYPE STATUS VALID_FROM VALID_TO OTHER_END_NAME }",
        "enum RelationshipDirection { BOTH OUTGOING INCOMING }",
        "enum SortDirection { ASCENDING DESCENDING }",
        "enum CountDimension { ENTITY_KIND ENTITY_CATEGORY ENTITY_COUNTRY SUPPLY_CHAIN_STAGE RELATIONSHIP_TYPE RELATIONSHIP_STATUS }",
        "type Counts { by: CountDimension! total: Int! groups: [CountGroup!]! answeredAt: String }",
        "type CountGroup { key: String count: Int! }",
        "type Source { document: String! locator: String! url: String title: String }",
        "type Relationship { id: ID! type: RelationshipType! from: Entity! to: Entity! validFrom: Date validTo: Date status: RelationshipStatus! sources: [Source!]! note: String }",
        "type Path { entities: [Entity!]! relationships: [Relationship!]! length: Int! summary: String! }",
        "type Exploration { relationships: Long! entities: Int! depth: Int! cutBy: [TraversalLimit!]! }",
        "type SupplyChain { focus: Entity! asOf: Date! stages: [Stage!]! relationships: [Relationship!]! partial: Boolean! explored: Exploration! answeredAt: String }",
        "type Stage { stage: SupplyChainStage! entities: [Entity!]! }",
        "type ExportControls { entity: Entity! asOf: Date! hits: [ControlHit!]! partial: Boolean! explored: Exploration! answeredAt: String }",
        "type ControlHit { regulation: Regulation! paths: [Path!]! }",
        "type Exposure { regulation: Regulation! asOf: Date! inForce: Boolean! exposed: [ExposedEntity!]! partial: Boolean! explored: Exploration! answeredAt: String }",
        "type ExposedEntity { entity: Entity! paths: [Path!]! }",
        "type PathResult { from: Entity! to: Entity! asOf: Date! paths: [Path!]! partial: Boolean! explored: Exploration! answeredAt: String }",
        "type RelationshipTypeInfo { type: RelationshipType! fromKinds: [EntityKind!]! toKinds: [EntityKind!]! role: RelationshipRole! upstreamEnd: RelationshipEnd meaning: String! }",
        "type Actor implements Entity {",
        "type Chip implements Entity {",
        "type Model implements Entity {",
        "type Regulation implements Entity {",
        "scalar Date",
        "enum SupplyChainStage { RAW_MATERIALS EQUIPMENT MANUFACTURING CHIP_DESIGN CHIPS COMPUTE CAPITAL LABS MODELS DEPLOYMENT }",
        "enum TraversalLimit { MAX_HOPS MAX_PATHS EXPLORATION_BUDGET }",
    ];

    [Theory]
    [MemberData(nameof(ContractDefinitions))]
    public void Printed_schema_holds_the_contract_definition(string definition)
    {
        // arrange
        var schema = host.Factory.Services.GetRequiredService<ISchema>();

        // act
        var printed = Normalize(schema.Print(new PrintOptions { IncludeDescriptions = false }));

        // assert
        printed.Should().Contain(Normalize(definition));
    }

    private static string Normalize(string sdl) => Whitespace().Replace(sdl.Replace(",", " ", StringComparison.Ordinal), " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
