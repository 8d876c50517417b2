using FluentAssertions;
using SupplyGraph.Domain.Graph;
using SupplyGraph.Testing;

namespace SupplyGraph.Domain.Tests.Graph;

public sealed class ReferenceKeysTests
{
    [Theory]
    [InlineData("88 FR 73458")]
    [InlineData("88 fr 73458")]
    [InlineData(" 88 Fr 73458 ")]
    [InlineData("88 F.R. 73458")]
    [InlineData("88 F. R. 73458")]
    [InlineData("88 F.R.73458")]
    [InlineData("88FR73458")]
    [InlineData("88\tFR\t73458")]
    [InlineData("88 Fed. Reg. 73458")]
    [InlineData("88 fed reg 73458")]
    [InlineData("088 FR 073458")]
    public void A_Federal_Register_citation_however_written_has_one_normal_form(string text)
    {
        // act
        var normal = ReferenceKeys.FederalRegister(text);

        // assert
        normal.Should().Be("88 FR 73458");
    }

    [Theory]
    [InlineData("")]
    [InlineData("DeepSeek")]
    [InlineData("88 FR")]
    [InlineData("FR 73458")]
    [InlineData("15 CFR 744.21")]
    [InlineData("88 FRA 73458")]
    [InlineData("88 FR 73458 and more")]
    [InlineData("see 88 FR 73458")]
    [InlineData("1234 FR 5")]
    [InlineData("88 FR 1234567")]
    public void Text_that_is_not_just_one_Federal_Register_citation_has_no_normal_form(string text)
    {
        ReferenceKeys.FederalRegister(text).Should().BeNull();
    }

    [Fact]
    public void A_references_keys_are_its_name_key_then_its_normal_form_when_they_differ()
    {
        // act
        var loose = ReferenceKeys.Of(" 88fr73458 ");
        var exact = ReferenceKeys.Of("88 fr 73458");
        var name = ReferenceKeys.Of("October 7 rule");

        // assert
        loose.Should().Equal("88FR73458", "88 FR 73458");
        exact.Should().Equal("88 FR 73458");
        name.Should().Equal("OCTOBER 7 RULE");
    }

    [Fact]
    public void A_long_citation_keeps_its_whole_text_and_every_Federal_Register_citation_in_it()
    {
        // act
        var keys = ReferenceKeys.OfCitation("Rule of 2024-12-05, 89 FR 96790; corrected at 90 F.R. 1234 (15 CFR 744.21).");

        // assert
        keys.Should().Equal("RULE OF 2024-12-05, 89 FR 96790; CORRECTED AT 90 F.R. 1234 (15 CFR 744.21).", "89 FR 96790", "90 FR 1234");
    }

    [Fact]
    public void A_citation_without_a_Federal_Register_citation_is_its_own_only_key()
    {
        ReferenceKeys.OfCitation("BIS notice to NVIDIA of 2025-04-09, disclosed in NVIDIA Form 8-K filed 2025-04-15")
            .Should().Equal("BIS NOTICE TO NVIDIA OF 2025-04-09, DISCLOSED IN NVIDIA FORM 8-K FILED 2025-04-15");
    }

    [Fact]
    public void Only_a_regulation_has_citation_keys()
    {
        // arrange
        var dataset = new DatasetBuilder().Actor("lab", SupplyGraph.Domain.Vocabulary.ActorCategory.AiLab).CitedRegulation("rule", "88 FR 73458").Build();

        // act
        var keys = dataset.Entities.Select(entity => ReferenceKeys.CitationKeys(entity).Count).ToList();

        // assert
        keys.Should().Equal(0, 1);
    }

    [Fact]
    public void The_index_finds_a_regulation_by_a_loosely_written_citation_and_a_shared_citation_finds_both()
    {
        // arrange
        var dataset = new DatasetBuilder()
            .CitedRegulation("first", "89 FR 96790")
            .CitedRegulation("second", "published with the first, 89 F.R. 96790")
            .CitedRegulation("third", "90 FR 4544")
            .Build();
        var index = GraphIndex.Build(dataset.Entities, dataset.Relationships);

        // act
        var shared = index.NodesNamed("89fr96790").ToArray().Select(node => index.Node(node).Id);
        var single = index.NodesNamed("90 f.r. 4544").ToArray().Select(node => index.Node(node).Id);

        // assert
        shared.Should().Equal("first", "second");
        single.Should().Equal("third");
    }
}
